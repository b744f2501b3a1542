import { render } from 'preact';
render(<p>Metric Lens</p>, document.getElementById('app')!);
