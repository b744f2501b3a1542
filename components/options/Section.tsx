import type { ComponentChildren } from 'preact';

interface SectionProps {
  id: string;
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
}

/** A titled card on the options page. */
export function Section({ id, title, intro, children }: SectionProps) {
  return (
    <section class="card" aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="intro muted">{intro}</p>}
      {children}
    </section>
  );
}
