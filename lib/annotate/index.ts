export { buildTaggerIndex, type TaggerIndex } from './build';
export { tagText } from './tagger';
export { EV_MARKERS, EV_METHODS } from './ev-terms';
export type { Mention, MentionType, MisevSlot, TaggerTermRow, TagOptions, TermChoice } from './types';
export { MENTION_TYPES } from './types';
