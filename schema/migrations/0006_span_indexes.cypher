// Time windows without sorting or scanning: a span is read from an index that holds both its ends,
// so the test "does it reach into the window" is made on index entries, not on the nodes.
// - (start, end) of statements and events: the short spans that start shortly before a window and
//   reach into it.
// - (end, start) of the long spans (:LongSpan, more than 32 days): those that started before a
//   window and end inside or after it (instead of reading every long span that started before it).
CREATE INDEX statement_said_span IF NOT EXISTS FOR (s:Statement) ON (s.saidAtEarliest, s.saidAtLatest);
CREATE INDEX event_when_span IF NOT EXISTS FOR (v:Event) ON (v.whenEarliest, v.whenLatest);
CREATE INDEX long_said_latest IF NOT EXISTS FOR (s:LongSpan) ON (s.saidAtLatest, s.saidAtEarliest);
CREATE INDEX long_when_latest IF NOT EXISTS FOR (v:LongSpan) ON (v.whenLatest, v.whenEarliest);
