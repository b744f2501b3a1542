// The annotator, imported by the page gate (entrypoints/content-gate.ts) into
// its isolated world only on pages where a claim may be.
import { Annotator } from './content/annotator';
import { publishAnnotator } from './content/handoff';

export default defineUnlistedScript(() => publishAnnotator((settings, hooks) => new Annotator(settings, hooks)));
