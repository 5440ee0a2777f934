// Old names, kept only for db/queries/discussion.test.ts (owned elsewhere); new tests import from ./test-utils.
export { BONE, domainFailure, MOUSE, makeContent as validContent } from './test-utils';
