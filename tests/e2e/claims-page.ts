// A small article for the settings and popup tests: claims of several metrics
// beside a number that is not one.
export const CLAIMS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Migrant children: what the numbers say</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:680px;margin:40px auto;padding:0 20px;color:#222}</style></head>
<body><article>
<h1>Migrant children: what the numbers say</h1>
<p>HHS lost track of 85,000 migrant children, officials said.</p>
<p>Cartels smuggle thousands of children across the border each year.</p>
<p>CBP encountered 152,057 unaccompanied minors at the southwest border in fiscal 2022.</p>
<p>Smugglers charge families as much as $10,000 per child for the journey.</p>
<p>Some 27.6 million people were in forced labour worldwide, according to the ILO.</p>
<p>The town council met on Tuesday to discuss the new library and its 12 reading rooms.</p>
</article></body></html>`;

/**
 * A page whose figures range from firm to faint (no source named, a weak
 * topic word), so that the three sensitivity levels find different sets.
 * Which sets they are is the engine's answer, read in the test.
 */
export const SENSITIVITY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Young workers and border crossings</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:680px;margin:40px auto;padding:0 20px;color:#222}</style></head>
<body><article>
<h1>Young workers and border crossings</h1>
<p>CBP encountered 152,057 unaccompanied minors at the southwest border in fiscal 2022.</p>
<p>Dozens of families waited at the shelter door on Tuesday.</p>
<p>Officials said about 300 people crossed near the river last week.</p>
<p>The charity says it helped 40 young people last year.</p>
<p>More than 2,000 minors were reported to police in the county.</p>
<p>Roughly 60 percent of the cases involved teenagers.</p>
<p>Nearly 500 workers under 18 were found at meatpacking plants.</p>
<p>The group counted 1,200 calls about exploitation last year.</p>
</article></body></html>`;
