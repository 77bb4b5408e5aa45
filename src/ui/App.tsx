/** The shell: header, notices, and the page for the current hash route. */
import { lazy, Suspense, useEffect } from 'react';
import { parseRoute, routeHref } from '../state/route';
import { Board } from './board/Board';
import { ExamNavLink, ExamPage, ExamTaskPage } from './exam';
import { ImportPage } from './import';
import { Notices } from './Notices';
import { NotFound } from './NotFound';
import { UpdatePrompt } from './offline/UpdatePrompt';
import { SettingsPage } from './settings/SettingsPage';
import { SharedLinkPage } from './SharedLinkPage';
import { useApp, useHash } from './stores';
import { WorkspacePage } from './workspace/WorkspacePage';

// Authoring is rare next to practice: its page is fetched when first opened, not before first paint.
const CustomDrillPage = lazy(() => import('./custom/CustomDrillPage').then((m) => ({ default: m.CustomDrillPage })));

export function App() {
  const route = parseRoute(useHash());
  const theme = useApp('settings', (s) => s.theme);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  let page;
  switch (route.name) {
    case 'board':
      page = <Board />;
      break;
    case 'drill':
      page = <WorkspacePage key={route.id} drillId={route.id} />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    case 'exam':
      page = <ExamPage />;
      break;
    case 'exam-task':
      page = <ExamTaskPage key={route.id} drillId={route.id} />;
      break;
    case 'import':
      page = <ImportPage drillId={route.drillId} />;
      break;
    case 'shared':
      page = <SharedLinkPage payload={route.payload} />;
      break;
    case 'custom-new':
      page = <CustomDrillPage key={`new-${route.base ?? ''}`} base={route.base} />;
      break;
    case 'custom-edit':
      page = <CustomDrillPage key={`edit-${route.id}`} editId={route.id} />;
      break;
    case 'not-found':
      page = <NotFound what={`There is no page at “${route.hash}”.`} />;
      break;
  }

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'board' })}>
          <span aria-hidden="true" className="brand-mark">
            ◆
          </span>{' '}
          Tensor Dojo
        </a>
        <nav aria-label="Main">
          <a href={routeHref({ name: 'board' })} aria-current={route.name === 'board' ? 'page' : undefined}>
            Board
          </a>
          <ExamNavLink current={route.name === 'exam' || route.name === 'exam-task'} />
          <a href={routeHref({ name: 'import' })} aria-current={route.name === 'import' ? 'page' : undefined}>
            Grade a model
          </a>
          <a href={routeHref({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
      </header>
      <Notices />
      <UpdatePrompt />
      <main className={`page page-${route.name}`}>
        <Suspense fallback={<div className="page-loading" aria-busy="true" />}>{page}</Suspense>
      </main>
    </div>
  );
}
