// Runtime messages between the content script, the background (which hosts
// the engine, so that compromise never loads into a web page) and the toolbar
// popup. Validated on receipt: a message is untrusted input.
import { z } from 'zod';
import { Claim } from './contract';

export const Passage = z.object({ id: z.string(), text: z.string().max(2_000_000) });
export type Passage = z.infer<typeof Passage>;

export const Message = z.discriminatedUnion('type', [
  /** content → background: run the engine on candidate passages. Reply: AnalyzeReply. */
  z.object({ type: z.literal('analyze'), passages: z.array(Passage).max(5_000) }),
  /** content → background: how many claims the tab shows (for the badge). */
  z.object({ type: z.literal('claims-count'), count: z.number().int().nonnegative() }),
  /** popup → content: the claims on this page. Reply: PageClaims. */
  z.object({ type: z.literal('list-claims') }),
  /** popup → content: scroll to claim `index` and open its context popup. */
  z.object({ type: z.literal('focus-claim'), index: z.number().int().nonnegative() }),
]);
export type Message = z.infer<typeof Message>;

export const AnalyzeReply = z.object({
  results: z.array(z.object({ id: z.string(), claims: z.array(Claim) })),
});
export type AnalyzeReply = z.infer<typeof AnalyzeReply>;

export const PageClaims = z.object({
  url: z.string(),
  /** False where the user switched Metric Lens off for this site. */
  enabled: z.boolean(),
  claims: z.array(Claim),
});
export type PageClaims = z.infer<typeof PageClaims>;
