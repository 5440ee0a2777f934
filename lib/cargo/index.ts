export { classifyCargoName, toCargoItem } from './classify';
export { isMirnaName, MIRBASE_SPECIES_PREFIXES, normalizeMirnaName } from './mirna';
export { CARGO_RULE_TEXT, cargoKey, cargoText, parseCargoCell } from './parse';
