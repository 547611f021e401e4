import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadStats, openDashboard, openOptions } from './client';
import { PopupView } from './popup-view';
import type { PopupState } from './popup-view';

function Popup() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  useEffect(() => {
    loadStats().then(
      (stats) => setState({ status: 'ready', ...stats }),
      (error: unknown) => setState({ status: 'error', message: String((error as Error)?.message ?? error) }),
    );
  }, []);
  return <PopupView state={state} onOpenOptions={openOptions} onOpenDashboard={openDashboard} />;
}

render(<Popup />, document.getElementById('app')!);
