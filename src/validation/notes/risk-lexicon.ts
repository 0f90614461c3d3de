import { FuzzyLexicon } from './fuzzy-lexicon.js';

/** Kinds of risky phrases in order notes. */
export const NOTE_RISKS = ['access', 'moving', 'port'] as const;
/** Kind of a risky phrase. */
export type NoteRisk = (typeof NOTE_RISKS)[number];

/** Phrases that warn of trouble reaching the premises or the customer on the day. */
export const ACCESS_PHRASES = [
  'call before', 'call ahead', 'call first', 'call prior', 'call when on the way', 'call on arrival', 'call when arriving',
  'text before', 'phone before', 'call me before', 'call 30 before', 'call when here', 'call when outside',
  'gate locked', 'locked gate', 'gate is locked', 'gated community', 'gate closed', 'locked',
  'dog', 'dog on premises', 'beware of dog', 'dog in yard', 'aggressive dog',
  'nobody home', 'no one home', 'no one will be home', 'not home', 'no one there', 'nobody there', 'not be home',
  'buzzer broken', 'doorbell broken', 'intercom broken', 'buzzer not work', 'doorbell not work',
  'back door', 'side door', 'side entrance', 'rear entrance', 'use side',
  'key at front desk', 'key under', 'lockbox', 'lock box', 'concierge', 'security desk', 'leasing office', 'front desk',
  'building manager', 'property manager', 'landlord', 'superintendent', 'escort required', 'needs escort',
  'no parking', 'hard to find', 'knock loudly', 'ring bell', 'hearing impaired', 'only available', 'available only',
  'mornings only', 'afternoons only', 'evenings only', 'after 5', 'before noon',
];

/** Phrases that say the customer is moving, so the service address may soon be wrong. */
export const MOVING_PHRASES = [
  'customer moving', 'customer is moving', 'moving next', 'moving out', 'moving to', 'moving on', 'we are moving', 'were moving',
  "we're moving", 'i am moving', "i'm moving", 'im moving', 'relocating', 'new address', 'move date', 'move in', 'moving in',
  'just moved', 'will move', 'moving soon', 'moving house',
];

/** Phrases that ask to keep or bring a number from another carrier. */
export const PORT_PHRASES = [
  'keep my number', 'keep number', 'keep existing number', 'keep same number', 'keep current number', 'keep the number',
  'keep their number', 'keep his number', 'keep her number', 'keep my phone number', 'keep my old number',
  'port my number', 'port number', 'port in', 'port the number', 'porting', 'number port', 'transfer my number',
  'transfer number', 'transfer the number', 'bring my number', 'bring number', 'number from another carrier',
  'number from other carrier', 'number from previous carrier', 'number from old carrier',
];

/** Phrases that mean a port only when a carrier is named too ("switching from Verizon"). */
export const CARRIER_SWITCH_PHRASES = ['switching from', 'switch from', 'coming from', 'leaving', 'bring over', 'cancel with', 'currently with', 'currently on'];

const ACCESS = new FuzzyLexicon(ACCESS_PHRASES);
const MOVING = new FuzzyLexicon(MOVING_PHRASES);
const PORT = new FuzzyLexicon(PORT_PHRASES);
/** Typo-tolerant lexicon of carrier-switch phrases. */
export const CARRIER_SWITCH = new FuzzyLexicon(CARRIER_SWITCH_PHRASES);

/** The typo-tolerant lexicon of each risk kind. */
export const RISK_LEXICONS: Readonly<Record<NoteRisk, FuzzyLexicon>> = { access: ACCESS, moving: MOVING, port: PORT };
