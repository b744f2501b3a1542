import { render } from 'preact';
render(<p>Metric Lens options</p>, document.getElementById('app')!);
