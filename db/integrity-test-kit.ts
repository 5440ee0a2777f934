/** What the integrity tests share: the size of the seed. */
export const SEEDED_FINDINGS = 33;
export const SEEDED_SOURCES = 104;
