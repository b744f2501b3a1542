// zod compiles object validators into code with `new Function` unless told not
// to. Extension pages forbid eval in their content security policy, and store
// reviews flag it, so every validator runs interpreted. Each entry point that
// loads zod imports this module first, before any schema is used.
import { config } from 'zod';

config({ jitless: true });
