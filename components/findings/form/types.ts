import type { FindingDraft } from '@/lib/finding/schema';

/** The form's values: a draft's content (choice fields as '' when unset) plus the change summary. */
export type FindingFormValues = {
  [K in keyof FindingDraft]: FindingDraft[K] extends string | null ? string : FindingDraft[K];
} & { changeSummary: string };

export function toFormValues(d: FindingDraft, changeSummary: string): FindingFormValues {
  return {
    ...d,
    studyType: d.studyType ?? '',
    effectDirection: d.effectDirection ?? '',
    evType: d.evType ?? '',
    changeSummary,
  } as FindingFormValues;
}

/** Split the form's values into the content the server validates and the summary. */
export function fromFormValues(v: FindingFormValues): {
  content: Omit<FindingFormValues, 'changeSummary'>;
  changeSummary: string;
} {
  const { changeSummary, ...content } = v;
  return { content, changeSummary };
}
