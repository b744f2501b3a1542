import '../../lib/zod-config';
import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/ui/theme.css';
import '../../components/popup/popup.css';

render(<PopupApp />, document.getElementById('app')!);
