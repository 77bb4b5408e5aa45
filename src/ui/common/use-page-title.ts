/** The tab's title while a page is shown, back to the app's name when it goes. */
import { useEffect } from 'react';

const APP_TITLE = 'Tensor Dojo';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_TITLE}`;
    return () => {
      document.title = APP_TITLE;
    };
  }, [title]);
}
