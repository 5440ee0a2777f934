import { describe, expect, it } from 'vitest';
import {
  detectPreprint,
  familyKey,
  isPreprintDoi,
  normalizePmcid,
  normalizePmid,
  stripMarkup,
  titleKey,
} from './normalize';

describe('titleKey', () => {
  it('ignores case, punctuation, diacritics, HTML tags and entities', () => {
    const key = 'muller cells release exosomes in vivo a role for tgf beta';
    expect(titleKey('Müller cells release exosomes <i>in vivo</i>: a role for TGF-β.')).toBe(key);
    expect(titleKey('MULLER CELLS RELEASE EXOSOMES IN VIVO — A ROLE FOR TGF-BETA')).toBe(key);
    // Numeric entities are decoded; an unknown named one (&beta;) falls apart into its letters — here the same word.
    expect(titleKey('Mu&#776;ller cells release exosomes <em>in&nbsp;vivo</em>; a role for TGF&#x2011;&beta;')).toBe(
      key,
    );
    expect(titleKey('Muller  cells release exosomes in vivo: a role for TGF-beta?')).toBe(key);
  });

  it('folds letters without a decomposition and full-width forms', () => {
    expect(titleKey('Straße Æther Øresund Łódź ﬁbre ＥＶ')).toBe('strasse aether oresund lodz fibre ev');
  });

  it('is empty for a title of only markup or punctuation', () => {
    expect(titleKey('<b></b> -- !!')).toBe('');
    expect(stripMarkup('a &lt;b&gt; &amp; c &#65;')).toBe('a <b> & c A');
  });
});

describe('identifiers', () => {
  it('normalizes PMIDs: label, leading zeros, rejects zero and junk', () => {
    expect(normalizePmid('PMID: 0012345')).toBe('12345');
    expect(normalizePmid(12345)).toBe('12345');
    expect(normalizePmid('pmid12345')).toBe('12345');
    expect(normalizePmid('000')).toBeNull();
    expect(normalizePmid('12a45')).toBeNull();
    expect(normalizePmid('1234567890')).toBeNull();
    expect(normalizePmid(undefined)).toBeNull();
  });

  it('normalizes PMCIDs and refuses bare digits', () => {
    expect(normalizePmcid('pmc0123')).toBe('PMC123');
    expect(normalizePmcid('PMCID: PMC7654321')).toBe('PMC7654321');
    expect(normalizePmcid('7654321')).toBeNull();
  });

  it('takes the family name of "Family, Given" and of "Given Family"', () => {
    expect(familyKey('Ødegård, Åse')).toBe('odegard');
    expect(familyKey('Jane van Doe')).toBe('doe');
    expect(familyKey('')).toBe('');
  });
});

describe('preprints', () => {
  it.each([
    ['10.1101/2020.03.22.002386', true], // bioRxiv/medRxiv, dated
    ['10.1101/123456', true], // bioRxiv, old numbering
    ['10.1101/2020.03.22.002386v2', true],
    ['10.1101/gad.123456.115', false], // Genes & Development (Cold Spring Harbor), a journal
    ['10.1101/gr.277.2019', false], // Genome Research
    ['10.21203/rs.3.rs-123456/v1', true], // Research Square
    ['10.20944/preprints202001.0001.v1', true], // Preprints.org
    ['10.48550/arxiv.2001.00001', true], // arXiv
    ['10.1002/jev2.12345', false],
  ])('%s → %s', (doi, expected) => {
    expect(isPreprintDoi(doi)).toBe(expected);
  });

  it('detects by type and by container too', () => {
    expect(detectPreprint(null, 'posted-content', '')).toBe(true);
    expect(detectPreprint(null, 'article-journal', 'bioRxiv')).toBe(true);
    expect(detectPreprint(null, 'article-journal', 'Journal of Extracellular Vesicles')).toBe(false);
    expect(isPreprintDoi(null)).toBe(false);
  });
});
