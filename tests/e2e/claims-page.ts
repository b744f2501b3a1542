// A small article for the settings and popup tests: one claim every
// sensitivity level shows, and several that only balanced and broad show.
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
