import { render } from 'preact';
import { WelcomeView } from './welcome-view';

render(<WelcomeView />, document.getElementById('app')!);
