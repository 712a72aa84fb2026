// wikibase-sdk's simplify over our Special:EntityData equals it over the source data, for every entity of an
// ndjson.gz (one entity a line). Usage: node check.mjs <baseUrl up to the prefix> <entities.ndjson.gz>
// Prints "compared N, differing M" and exits 0 only if every entity was compared and none differs.
// `modified` is left out: it is the revision's own (ours is this stack's import, not Wikidata's edit). A few source
// lines are trimmed by hand (no `labels`, `descriptions`…): they are compared with the sections Wikibase's serializers
// always write filled in empty, as Wikidata (and we) write them.
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { simplify } from 'wikibase-sdk'

const [base, file] = process.argv.slice(2)
if (!base || !file) {
  console.error('usage: node check.mjs <baseUrl> <entities.ndjson.gz>')
  process.exit(2)
}

// default options (what most callers use) and every keep* option (qualifiers, references, ranks, ids, rich values,
// badges…) but hashes: Wikidata computes them when it writes JSON, so an old snapshot carries the hashes of its export
// date's algorithm and we, like Wikidata today, the current one (docs/DECISIONS.md "Wikidata's clients checked over every sample entity").
const variants = { default: () => ({}), keepAll: () => ({ keepAll: true, keepHashes: false }) }

/** JSON with object keys sorted, so that equal values print equal whatever their key order. */
function canonical (value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter(k => value[k] !== undefined)
      .map(k => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

// the sections Wikibase writes for every entity of a type, empty or not
const sections = {
  item: { labels: {}, descriptions: {}, aliases: {}, claims: {}, sitelinks: {} },
  property: { labels: {}, descriptions: {}, aliases: {}, claims: {} },
  lexeme: { lemmas: {}, claims: {}, forms: [], senses: [] },
}
let filled = 0

function asWikibaseWrites (entity) {
  const missing = Object.keys(sections[entity.type] ?? {}).filter(k => !(k in entity))
  if (missing.length === 0) return entity
  filled++
  return { ...Object.fromEntries(missing.map(k => [k, sections[entity.type][k]])), ...entity }
}

function simplified (entity, options) {
  const { modified, ...rest } = simplify.entity(entity, options)
  return canonical(rest)
}

/** The first place where two canonical strings part, with some context, to say why an entity differs. */
function firstDifference (a, b) {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const from = Math.max(0, i - 80)
  return `source …${a.slice(from, i + 80)}…\n    ours   …${b.slice(from, i + 80)}…`
}

async function ours (id) {
  const url = `${base}/wiki/Special:EntityData/${encodeURIComponent(id)}.json`
  const response = await fetch(url, { redirect: 'manual' })
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`)
  const body = await response.json()
  if (!body.entities?.[id]) throw new Error(`${url}: no entities.${id} in the answer`)
  return body.entities[id]
}

const sources = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(l => l.trim())
  .map(l => asWikibaseWrites(JSON.parse(l)))
let compared = 0
const differing = []
const failures = []

// a few requests at a time: the service is shared with the rest of the build
const queue = [...sources]
async function worker () {
  for (let source = queue.shift(); source; source = queue.shift()) {
    try {
      const entity = await ours(source.id)
      for (const [name, options] of Object.entries(variants)) {
        // fresh options each time: simplify fills in the keep* defaults in the object it is given
        const expected = simplified(source, options())
        const actual = simplified(entity, options())
        if (expected !== actual) {
          differing.push(`${source.id} (${name}):\n    ${firstDifference(expected, actual)}`)
        }
      }
      compared++
    } catch (error) {
      failures.push(`${source.id}: ${error.message}`)
    }
  }
}
await Promise.all(Array.from({ length: 4 }, worker))

const differingIds = new Set(differing.map(d => d.split(' ')[0]))
for (const line of [...failures, ...differing].slice(0, 20)) console.error(line)
console.log(`sources with empty sections filled in: ${filled}`)
console.log(`entities ${sources.length}, compared ${compared}, differing ${differingIds.size}, failed ${failures.length}`)
process.exit(failures.length === 0 && differingIds.size === 0 && compared === sources.length ? 0 : 1)
