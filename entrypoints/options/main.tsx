import '../../lib/zod-config';
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/ui/theme.css';
import '../../components/options/options.css';

render(<OptionsApp />, document.getElementById('app')!);
