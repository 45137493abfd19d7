// Time windows: statements and events whose span is longer than 32 days ("in 2019", "last year")
// carry the label :LongSpan, so a window query reads the short spans from a bounded range of the
// saidAtEarliest/whenEarliest index and only the (few) long ones from their label.
// Backfill of archives written before this label existed:
MATCH (s:Statement) WHERE s.saidAtEarliest IS NOT NULL AND NOT s:LongSpan
  AND datetime(s.saidAtLatest) > datetime(s.saidAtEarliest) + duration({days: 32})
CALL (s) { SET s:LongSpan } IN TRANSACTIONS OF 10000 ROWS;
MATCH (v:Event) WHERE v.whenEarliest IS NOT NULL AND NOT v:LongSpan
  AND datetime(v.whenLatest) > datetime(v.whenEarliest) + duration({days: 32})
CALL (v) { SET v:LongSpan } IN TRANSACTIONS OF 10000 ROWS;
