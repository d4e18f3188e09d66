// Compares the payslips computed in-process (./carteblanche payroll bench --sortie F) with the same situations computed
// by the model run directly in Node, to the cent. Usage: node bench/payroll/compare.mjs payslips.jsonl
// The model is the one the build installs (src/Engines/CarteBlanche.Payroll/model/node_modules, pinned by its lock file).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const modelDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/Engines/CarteBlanche.Payroll/model')
const require = createRequire(path.join(modelDir, 'package.json'))
const Engine = require('publicodes').default
const { default: rules } = await import(path.join(modelDir, 'node_modules/modele-social/dist/index.js'))

// Once, to the cent, half away from zero, on the value's 15 significant digits (as .NET's decimal conversion).
function cents(value) {
  if (typeof value !== 'number') return null
  const sign = value < 0 ? -1 : 1
  const text = Math.abs(value).toPrecision(15)
  if (text.includes('e')) return Math.abs(value) < 1 ? 0 : Math.round(value * 100) / 100 // < 1e-6 or ≥ 1e21
  const [whole, fraction = ''] = text.split('.')
  let result = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2))
  if ((fraction[2] ?? '0') >= '5') result += 1n
  return sign * Number(result) / 100
}

const file = process.argv[2]
if (!file) {
  console.error('usage : node bench/payroll/compare.mjs payslips.jsonl')
  process.exit(2)
}
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
const engine = new Engine(rules, { logger: { log() {}, warn() {}, error() {} } })
let agree = 0
const differences = []
const started = performance.now()
for (const [index, line] of lines.entries()) {
  const { situation, values } = JSON.parse(line)
  engine.setSituation(Object.fromEntries(Object.entries(situation).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'oui' : 'non') : v])))
  let same = true
  for (const [rule, expected] of Object.entries(values)) {
    const node = cents(engine.evaluate(rule).nodeValue)
    if (node !== expected) {
      same = false
      if (differences.length < 20) differences.push(`ligne ${index + 1}, ${rule} : C# ${expected}, Node ${node}`)
    }
  }
  if (same) agree++
}
const seconds = (performance.now() - started) / 1000
console.log(`payslips: ${lines.length}, agree to the cent: ${agree}, differ: ${lines.length - agree}`)
console.log(`node ${process.version}, one thread: ${seconds.toFixed(2)} s, ${(seconds * 1000 / lines.length).toFixed(1)} ms per payslip`)
for (const d of differences) console.log(d)
process.exit(agree === lines.length ? 0 : 1)
