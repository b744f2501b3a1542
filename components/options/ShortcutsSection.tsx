import { Section } from './Section';
import { SHORTCUTS } from './copy';

export function ShortcutsSection() {
  return (
    <Section
      id="shortcuts"
      title="Keyboard"
      intro={
        <>
          Every claim on a page can be reached without a mouse. The first three keys are browser shortcuts: change them
          in your browser’s extension shortcut settings (<code>chrome://extensions/shortcuts</code> in Chrome, “Manage
          Extension Shortcuts” in Firefox’s add-ons page).
        </>
      }
    >
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map(({ keys, action }) => (
            <tr key={action}>
              <td class="keys">
                {keys.map((key, i) => (
                  <>
                    {i > 0 && <span class="plus">+</span>}
                    <kbd>{key}</kbd>
                  </>
                ))}
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
