/**
 * The event taxonomy: what kinds of happenings the archive puts on its timeline, and the words
 * that signal them. Documented for users in docs/event-taxonomy.md; keep the two in step.
 *
 * Triggers are given as lemmas. Verb lemmas match every inflection (compromise conjugates them:
 * "flee" → flees, fled, fleeing), noun lemmas match singular and plural. A phrase is a sequence of
 * lemma slots; alternatives inside a slot are separated by "|", and "*" allows up to three words
 * in between ("fire * rocket|missile" matches "fired two rockets").
 *
 * Nothing here is specific to one conflict, country or article: it is the vocabulary of news
 * reporting about events.
 */

export interface EventType {
  /** The value stored in Event.type. */
  type: string;
  /** What counts as an event of this type. */
  description: string;
  /** Verb lemmas, matched in any inflection. */
  verbs: string[];
  /** Noun lemmas, matched singular or plural. */
  nouns: string[];
  /** Multi-word triggers (lemmas; "|" alternatives; "*" a gap of up to three words). */
  phrases: string[];
  /** Verb lemmas counted only in these inflections ("land" only as "landed", not "lands"). */
  verbForms?: Record<string, VerbForm[]>;
  /** A trigger word is not one when directly preceded by one of these ("hunger strike", "email address"). */
  notAfter?: Record<string, string[]>;
  /** A trigger word is not one when one of these words follows within two words ("struck a deal"). */
  notBefore?: Record<string, string[]>;
  /**
   * Verb lemmas too common to count alone: they count only in the passive ("were hit") or with one
   * of these lemmas up to four words before them ("missile strikes also hit").
   */
  needsAgent?: Record<string, string[]>;
  /** Words that, right before any trigger of this type, make it not this type ("the earthquake struck"). */
  notAfterAny?: string[];
}

export type VerbForm = 'base' | 'present' | 'past' | 'participle' | 'gerund';

/** Nature striking ("the earthquake struck", "storms hit the coast") is a disaster, not an attack. */
const NATURAL_HAZARDS = ['earthquake', 'earthquakes', 'quake', 'tremor', 'aftershock', 'storm', 'storms', 'hurricane', 'typhoon', 'cyclone', 'tornado', 'tsunami', 'flood', 'floods', 'flooding', 'lightning', 'wildfire', 'wildfires', 'fire', 'fires', 'blaze', 'landslide', 'avalanche', 'drought', 'heatwave', 'disaster'];

export const EVENT_TYPES: EventType[] = [
  {
    type: 'attack',
    description:
      'Armed violence against a place, people or equipment: strikes, shelling, bombing, rocket and missile fire, raids, assaults, explosions.',
    verbs: ['attack', 'strike', 'shell', 'bomb', 'bombard', 'hit', 'pound', 'raid', 'assault', 'ambush', 'storm', 'blast', 'destroy'],
    nouns: ['attack', 'strike', 'airstrike', 'air strike', 'shelling', 'bombing', 'bombardment', 'assault', 'raid', 'explosion', 'blast', 'offensive', 'fighting', 'rocket attack', 'missile attack'],
    phrases: ['fire * rocket|missile|shell|shot|artillery|mortar|drone|projectile|bullet|grenade', 'open fire', 'shoot down', 'launch * attack|strike|offensive|assault|missile|rocket'],
    notAfterAny: NATURAL_HAZARDS,
    needsAgent: {
      hit: ['strike', 'airstrike', 'missile', 'rocket', 'shell', 'bomb', 'drone', 'artillery', 'shelling', 'attack', 'projectile', 'mortar', 'fire', 'force', 'troop', 'army', 'jet', 'warplane', 'gunman', 'militant'],
      pound: ['force', 'troop', 'army', 'artillery', 'jet', 'warplane', 'gun', 'militant', 'rocket', 'missile'],
    },
    notBefore: {
      strike: ['deal', 'agreement', 'accord', 'bargain', 'balance', 'chord', 'tone', 'note', 'pose', 'gold', 'back'],
      storm: ['off', 'out'],
    },
    notAfter: {
      strike: ['hunger', 'general', 'labor', 'labour', 'rail', 'national', 'workers', 'teachers', 'doctors', 'nurses', 'lucky'],
      hit: ['a', 'big', 'box-office', 'smash'],
      storm: ['a', 'the', 'winter', 'tropical', 'snow', 'perfect'],
      offensive: ['charm'],
    },
  },
  {
    type: 'capture',
    description:
      'A force takes or claims control of a place or facility: captures, seizures, occupations, a city falling to an army.',
    verbs: ['capture', 'seize', 'occupy', 'overrun', 'retake', 'recapture', 'conquer', 'liberate'],
    nouns: ['capture', 'seizure', 'occupation', 'takeover', 'fall of'],
    phrases: [
      'claim|take|seize|gain|assume|wrest|regain|establish * control',
      'take over',
      'fall under * control',
      'fall to * force|troop|army|soldier|rebel|militant|fighter',
    ],
  },
  {
    type: 'invasion',
    description: 'Armed forces of one state enter the territory of another.',
    verbs: ['invade'],
    nouns: ['invasion', 'incursion'],
    phrases: [],
  },
  {
    type: 'annexation',
    description: 'A state formally incorporates territory of another into its own.',
    verbs: ['annex'],
    nouns: ['annexation'],
    phrases: [],
  },
  {
    type: 'siege',
    description: 'A place is encircled, blockaded or cut off by hostile forces.',
    verbs: ['encircle', 'besiege', 'blockade'],
    nouns: ['siege', 'blockade', 'encirclement'],
    phrases: ['surround * city|town|village|capital|port|base'],
  },
  {
    type: 'deployment',
    description: 'Troops or military equipment move, land, advance, mass or are sent somewhere.',
    verbs: ['deploy', 'land', 'advance', 'mobilize', 'mobilise', 'reinforce'],
    nouns: ['deployment', 'mobilization', 'mobilisation', 'convoy', 'troop buildup', 'buildup', 'build-up'],
    phrases: ['mass * force|troop|soldier', 'send * troop|soldier|force|warship|jet', 'move * troop|force'],
    verbForms: { land: ['past', 'participle'], advance: ['past', 'participle', 'gerund', 'present'] },
    notAfter: { advance: ['in', 'an'] },
  },
  {
    type: 'casualty',
    description:
      'A report of people killed, wounded or dead: casualty counts and death tolls (the count itself is a claim; the event is the loss).',
    verbs: ['kill', 'injure', 'wound', 'die'],
    nouns: ['casualty', 'death', 'death toll', 'fatality', 'killing', 'dead', 'injured', 'wounded'],
    phrases: ['lose * life|lives'],
  },
  {
    type: 'displacement',
    description: 'People flee, are displaced or become refugees.',
    verbs: ['flee', 'displace'],
    nouns: ['refugee', 'exodus', 'displacement', 'asylum seeker'],
    phrases: ['force * from * home', 'cross * border'],
  },
  {
    type: 'evacuation',
    description: 'Organized removal of civilians or staff from danger.',
    verbs: ['evacuate'],
    nouns: ['evacuation', 'humanitarian corridor', 'evacuation corridor'],
    phrases: [],
  },
  {
    type: 'negotiation',
    description: 'Talks, negotiations and diplomatic meetings between parties, including rounds of peace talks.',
    verbs: ['negotiate'],
    nouns: ['talks', 'negotiation', 'peace talks', 'summit', 'mediation'],
    phrases: ['round of talk'],
  },
  {
    type: 'ceasefire',
    description: 'A truce, ceasefire or armistice is proposed, agreed or broken.',
    verbs: [],
    nouns: ['ceasefire', 'cease-fire', 'truce', 'armistice'],
    phrases: [],
  },
  {
    type: 'speech',
    description: 'A formal address, speech, press conference or briefing (not every "said": statements are recorded separately).',
    verbs: [],
    nouns: ['address', 'speech', 'press conference', 'news conference', 'briefing', 'state of the union'],
    phrases: ['address * nation|parliament|congress|assembly|lawmakers|crowd|rally|people|country|summit'],
    notAfter: { address: ['email', 'e-mail', 'ip', 'home', 'web', 'postal', 'mailing', 'street', 'forwarding'] },
  },
  {
    type: 'sanction',
    description: 'Economic or political penalties imposed on a state, company or person: sanctions, embargoes, asset freezes, bans.',
    verbs: ['sanction', 'embargo', 'blacklist'],
    nouns: ['sanction', 'embargo', 'asset freeze', 'export control', 'blacklist'],
    phrases: ['freeze * asset', 'impose * ban|tariff|restriction|penalty'],
  },
  {
    type: 'withdrawal',
    description: 'Forces retreat or withdraw; companies, states or people pull out of a country, market or agreement.',
    verbs: ['withdraw', 'retreat'],
    nouns: ['withdrawal', 'retreat', 'exit', 'pullout', 'pull-out'],
    phrases: ['pull out', 'pull back', 'suspend * operation'],
  },
  {
    type: 'protest',
    description: 'Public demonstrations, rallies, marches, strikes by workers and other collective dissent.',
    verbs: ['protest', 'demonstrate', 'rally', 'march'],
    nouns: ['protest', 'demonstration', 'rally', 'march', 'vigil', 'sit-in', 'riot', 'hunger strike', 'general strike', 'walkout', 'work stoppage', 'picket'],
    phrases: ['take to * street'],
    verbForms: { march: ['past', 'participle', 'gerund'], rally: ['past', 'participle', 'gerund'] },
  },
  {
    type: 'arrest',
    description: 'People are arrested, detained, jailed or imprisoned by authorities.',
    verbs: ['arrest', 'detain', 'jail', 'imprison'],
    nouns: ['arrest', 'detention', 'imprisonment'],
    phrases: ['take into custody'],
  },
  {
    type: 'election',
    description: 'Elections, votes, referendums and their results.',
    verbs: ['elect', 'vote'],
    nouns: ['election', 'referendum', 'vote', 'ballot', 'runoff', 'primary election'],
    // "the first round on Oct. 2" (but "the first round of talks" is a negotiation).
    phrases: ['first|second round on|in', 'lose * race|election|vote|runoff|primary|seat', 'win * race|election|vote|runoff|primary|seat'],
  },
  {
    type: 'aid',
    description: 'Military, financial or humanitarian assistance sent or pledged.',
    verbs: [],
    nouns: ['aid', 'assistance', 'humanitarian aid', 'military aid', 'arms delivery'],
    phrases: ['supply * weapon|arm|ammunition', 'send * weapon|arm|ammunition|aid'],
  },
  {
    type: 'disaster',
    description: 'A natural or industrial disaster strikes: storms making landfall, earthquakes, floods, wildfires, landslides, eruptions.',
    verbs: ['erupt'],
    nouns: ['landfall', 'earthquake', 'quake', 'flood', 'flooding', 'storm surge', 'wildfire', 'bushfire', 'forest fire', 'landslide', 'mudslide', 'tsunami', 'eruption', 'avalanche', 'tornado', 'blaze'],
    phrases: ['make landfall', 'cross * coast'],
  },
  {
    type: 'legal',
    description: 'Court and justice proceedings: charges, trials, pleas, verdicts, rulings and sentences.',
    verbs: ['sentence', 'convict', 'acquit', 'indict', 'prosecute', 'sue'],
    nouns: ['verdict', 'sentencing', 'conviction', 'acquittal', 'trial', 'indictment', 'lawsuit', 'court ruling', 'court hearing'],
    phrases: ['plead guilty|innocent|not', 'rule that', 'find * guilty|innocent', 'charge with', 'file * lawsuit|suit|complaint'],
    verbForms: { sentence: ['past', 'participle'] },
  },
  {
    type: 'closure',
    description: 'A road, bridge, port, airport, border, school or business is closed, shut down or reopened.',
    verbs: ['shut', 'reopen', 'close'],
    nouns: ['closure', 'shutdown', 'reopening', 'lockdown'],
    phrases: ['shut down', 'close * to * traffic|car|vehicle|pedestrian|public|visitor|shipping'],
    verbForms: { close: ['past', 'participle'], shut: ['past', 'participle'] },
    notBefore: { close: ['higher', 'lower', 'up', 'down', 'at', 'flat', 'unchanged'] },
  },
  {
    type: 'meeting',
    description: 'A scheduled meeting, session or hearing of a body: cabinets, councils, boards, parliaments (diplomatic talks are `negotiation`).',
    verbs: [],
    nouns: ['meeting', 'cabinet meeting', 'council meeting', 'board meeting', 'parliamentary session'],
    phrases: [],
  },
  {
    type: 'decision',
    description: 'A body approves, adopts, signs, passes or rejects a plan, law, budget, contract or agreement.',
    verbs: ['approve', 'adopt', 'ratify', 'enact', 'award'],
    nouns: ['approval', 'ratification', 'adoption'],
    phrases: ['sign * agreement|deal|treaty|accord|law|bill|decree|order|contract|memorandum', 'pass * law|bill|budget|resolution|motion', 'reject * plan|bill|proposal|motion|offer'],
    verbForms: { award: ['past', 'participle'] },
  },
  {
    type: 'launch',
    description: 'Something is launched, opened, inaugurated, premiered or released to the public.',
    verbs: ['inaugurate'],
    nouns: ['premiere', 'inauguration', 'opening ceremony'],
    phrases: ['launch * campaign|programme|program|service|product|scheme|fund|initiative|investigation|inquiry|probe|app|satellite'],
  },
  {
    type: 'announcement',
    description: 'An official announcement, declaration or decision made public (martial law, alerts, closures).',
    verbs: ['announce', 'declare', 'unveil'],
    nouns: ['announcement', 'declaration'],
    phrases: ['put * on * alert', 'impose * martial law'],
  },
];

/** Types by name. */
export const EVENT_TYPE_BY_NAME: ReadonlyMap<string, EventType> = new Map(EVENT_TYPES.map((t) => [t.type, t]));

/** Speech verbs: a time mention next to one dates the report, not necessarily the event. */
export const SPEECH_VERB_LEMMAS = [
  'say', 'tell', 'announce', 'state', 'write', 'tweet', 'post', 'add', 'warn', 'claim', 'report', 'estimate',
  'confirm', 'deny', 'insist', 'declare', 'acknowledge', 'note', 'urge', 'accuse', 'admit',
];

/**
 * Words that make a following trigger hypothetical, wished for or denied: an event that did not
 * happen is not put on the timeline ("would use sanctions", "vowed to arrest", "has not attacked").
 */
export const IRREALIS_MODALS = ['would', 'could', 'might', 'may', 'should', 'must', 'can', 'cannot'];
export const IRREALIS_GOVERNORS = [
  'hope', 'want', 'plan', 'threaten', 'vow', 'aim', 'seek', 'try', 'intend', 'wish', 'refuse', 'need', 'urge',
  'call', 'demand', 'fear', 'risk', 'threat', 'prospect', 'possibility', 'allow', 'force', 'decline', 'reluctant',
  'design', 'prepare', 'ready', 'able', 'likely', 'warn', 'warning',
];
export const NEGATIONS = ['not', "n't", 'never', 'no', 'without'];
