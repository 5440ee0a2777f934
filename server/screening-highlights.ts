/**
 * The pre-annotation highlights of a record being screened: the tagger (lib/annotate) over its title and its
 * abstract, with the vocabularies' index cached per process. Highlights are a help, never a condition: when the
 * index cannot be built the record is shown without them.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { cachedTaggerIndex } from '@/db/queries/tagger-index';
import { tagText } from '@/lib/annotate';
import type { Mention } from '@/lib/annotate/types';

export type RecordMentions = { title: Mention[]; abstract: Mention[] };

const NONE: RecordMentions = { title: [], abstract: [] };

export async function recordMentions(db: Db, rec: { title: string; abstract: string }): Promise<RecordMentions> {
  try {
    const index = await cachedTaggerIndex(db);
    return { title: tagText(rec.title, index), abstract: rec.abstract ? tagText(rec.abstract, index) : [] };
  } catch (e) {
    console.error('screening: pre-annotation failed', e);
    return NONE;
  }
}
