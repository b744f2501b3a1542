// The annotator script, imported by the page gate (entrypoints/content-gate.ts)
// into its isolated world only on pages where a claim may be.
import { publishSession } from './content/handoff';
import { startSession } from './content/page-session';

export default defineUnlistedScript(() => publishSession(startSession));
