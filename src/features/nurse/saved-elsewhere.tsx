// Entries the EHR would not take into the MAR (docs/write-back.md): the screen says where each
// went, a chart note or nowhere, and shows the "document this in the MAR" list to copy or
// print. Nothing the nurse recorded disappears without a line here.
import { NURSE_CHANNEL_TEXT } from '../../fhir/write/channels.ts';
import type { NotedEntry } from '../../hooks/use-pending-queue.ts';

export function SavedElsewhere({ noted }: { noted: readonly NotedEntry[] }) {
  if (noted.length === 0) return null;
  const tasks = noted
    .filter((n) => n.result.channel === 'task-list')
    .map((n) => (n.result.channel === 'task-list' ? n.result.text : ''));
  const copy = () => void globalThis.navigator?.clipboard?.writeText(tasks.join('\n\n'));
  return (
    <section aria-labelledby="chair-elsewhere">
      <h3 id="chair-elsewhere">Saved outside the MAR</h3>
      <ul>
        {noted.map((n) => (
          <li key={n.key}>
            {n.label}: {NURSE_CHANNEL_TEXT[n.result.channel]}
            {n.result.channel === 'clinical-note' && n.result.note.id
              ? ` (note ${n.result.note.id})`
              : ''}
          </li>
        ))}
      </ul>
      {tasks.length > 0 && (
        <div>
          <pre aria-label="Document this in the MAR">{tasks.join('\n\n')}</pre>
          <button type="button" onClick={copy}>
            Copy the MAR list
          </button>
          <button type="button" onClick={() => globalThis.print?.()}>
            Print the MAR list
          </button>
        </div>
      )}
    </section>
  );
}
