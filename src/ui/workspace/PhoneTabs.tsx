/**
 * Statement / Code / Run as tabs on a phone, where the three panes cannot stand side
 * by side and stacking them put the editor ~1,900 px down the page. Hidden by CSS on
 * wider screens, where every pane shows.
 */
export type PhoneTab = 'statement' | 'code' | 'run';

const TABS: { id: PhoneTab; label: string }[] = [
  { id: 'statement', label: 'Statement' },
  { id: 'code', label: 'Code' },
  { id: 'run', label: 'Run' },
];

export function PhoneTabs({ current, onChange }: { current: PhoneTab; onChange(tab: PhoneTab): void }) {
  return (
    <div className="ws-tabs" role="tablist" aria-label="Drill panes">
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`ws-tab-${t.id}`}
          aria-selected={current === t.id}
          aria-controls={`ws-pane-${t.id}`}
          tabIndex={current === t.id ? 0 : -1}
          onClick={() => onChange(t.id)}
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as the ARIA tabs pattern expects.
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const at = TABS.findIndex((x) => x.id === current);
            const next = TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
            onChange(next.id);
            document.getElementById(`ws-tab-${next.id}`)?.focus();
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
