// The cheap first gate, shared by the engine and the content script: a text
// can hold a claim only if it has a quantity AND a topic word. Plain regexes,
// no dependencies, so the always-loaded content script can carry it.

/** Digits, or the number words and vague quantities the quantity parser knows ("multibillion-dollar" too). */
export const QUANTITY_HINT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|(?:multi-?)?(?:millions?|billions?)|dozens?|half|third|quarter|(?:fifth|sixth|eighth|tenth)s?|majority|doubled|tripled|quadrupled|doubling|tripling|twice|scores|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)fold)\b/i;

/** Words that put a text near the domain: children, trafficking, smuggling, the border, the agencies (ORR's "referrals", a trafficker's "pimp"). */
export const TOPIC_HINT =
  /\b(?:child|kid|minor|juvenile|youth|teen|girl|boy|infant|toddler|unaccompanied|uacs?\b|ucs?\b|traffick|smuggl|coyote|migrant|immigra|border|asylum|sponsor|exploit|slave|forced|labou?r|hotline|polaris|ncmec|unodc|\bilo\b|unicef|\biom\b|orr\b|\bhhs\b|\bcbp\b|\bice\b|\bdhs\b|refugee|custody|deport|victim|prostitut|sex\b|sexual|cartel|encounter|apprehen|inspector general|famil|notices? to appear|failed to appear|court|underage|arrest|prosecut|convict|defendant|indict|survivor|nhtrc|\bdna\b|fraudulent|fake famil|csec|bab(?:y|ies)|adolescen|young (?:people|workers)|enslav|alien|crossers|homeland security|wage and hour|\bdoj\b|justice department|department of justice|\bfbi\b|\bhsi\b|state department|tip report|walk free|shelter|hazardous|violation|abuse|recycled|not theirs|poller|coyotaje|debt bondage|servitude|peonage|usbp|\bofo\b|field operations|uscis|otip|migration institute|\binm\b|cybertipline|justice statistics|\bbjs\b|ctdc|glotip|molest|raped|csam|sextortion|online enticement|referrals?\b|pimp)/i;

export function mayHoldClaim(text: string): boolean {
  return QUANTITY_HINT.test(text) && TOPIC_HINT.test(text);
}
