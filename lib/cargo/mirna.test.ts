import { describe, expect, it } from 'vitest';
import { isMirnaName, normalizeMirnaName } from './mirna';

describe('normalizeMirnaName', () => {
  it.each([
    ['mir-133A', 'miR-133a'],
    ['MiR-133a', 'miR-133a'],
    ['MIR133A', 'miR-133a'],
    ['miR133a', 'miR-133a'],
    ['miR-133a', 'miR-133a'],
    ['  miR-133a ', 'miR-133a'],
    ['miR 133a', 'miR-133a'],
    ['miR\u2011133a', 'miR-133a'],
    ['miR\u2013133a', 'miR-133a'],
    ['miR-27A', 'miR-27a'],
    ['MIR-206-3P', 'miR-206-3p'],
    ['miR-21-5P', 'miR-21-5p'],
    ['miR-199a-5p', 'miR-199a-5p'],
    ['miR-21*', 'miR-21*'],
    ['MIR-21A-5P*', 'miR-21a-5p*'],
    ['miR-2-6', 'miR-2-6'],
    ['mir-199a-1', 'miR-199a-1'],
    ['miR-27A/B-3P', 'miR-27a/b-3p'],
    ['miR-23a/27a', 'miR-23a/27a'],
    ['microRNA-21', 'miR-21'],
    ['miRNA-21', 'miR-21'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMirnaName(input)).toBe(expected);
  });

  it.each([
    ['hsa-miR-21-5p', 'hsa-miR-21-5p'],
    ['HSA-MIR-21-5P', 'hsa-miR-21-5p'],
    ['Mmu-miR-133a-3p', 'mmu-miR-133a-3p'],
    ['RNO-MIR-29B', 'rno-miR-29b'],
    ['ssc-miR-1', 'ssc-miR-1'],
    ['BTA-mir-206', 'bta-miR-206'],
    ['cgr-miR-21', 'cgr-miR-21'],
  ])('keeps the species prefix, lower-cased: %s → %s', (input, expected) => {
    expect(normalizeMirnaName(input)).toBe(expected);
  });

  it.each([
    ['Let-7A', 'let-7a'],
    ['LET-7G-5P', 'let-7g-5p'],
    ['let7a', 'let-7a'],
    ['hsa-let-7a-5p', 'hsa-let-7a-5p'],
    ['let-7a*', 'let-7a*'],
  ])('let-7 family: %s → %s', (input, expected) => {
    expect(normalizeMirnaName(input)).toBe(expected);
  });

  it.each([
    ['CD71'],
    ['Palmitate'],
    ['lactate dehydrogenase A'],
    ['AAV-miR-29a'],
    ['Exo/miR-26a'],
    ['pLamp2b/MSTP-miR-26a'],
    ['pre-miR-21'],
    ['anti-miR-21'],
    ['let-12'],
    ['miR-'],
    ['mirror'],
    [''],
  ])('leaves a non-miRNA name unchanged: %j', (input) => {
    expect(normalizeMirnaName(input)).toBe(input);
    expect(isMirnaName(input)).toBe(false);
  });

  it('trims a non-miRNA name', () => {
    expect(normalizeMirnaName('  VEGF ')).toBe('VEGF');
  });

  it('is idempotent', () => {
    for (const n of ['MIR133A', 'HSA-MIR-21-5P', 'Let-7A', 'miR-27A/B-3P', 'miR-21*', 'VEGF']) {
      const once = normalizeMirnaName(n);
      expect(normalizeMirnaName(once)).toBe(once);
    }
  });
});

describe('isMirnaName', () => {
  it.each(['miR-1', 'MIR133A', 'hsa-miR-21-5p', 'let-7a', 'miR-27a/b-3p', 'miR-21*', 'mmu-let-7g'])(
    '%s is a miRNA name',
    (n) => {
      expect(isMirnaName(n)).toBe(true);
    },
  );
  it.each(['BDNF', 'AAV-miR-29a', 'Exo/miR29', 'miRNA cluster', 'let-7 family members'])(
    '%s is not a bare miRNA name',
    (n) => {
      expect(isMirnaName(n)).toBe(false);
    },
  );
});
