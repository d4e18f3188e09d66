/*
 * payslipLines(engine) — the contribution lines of a French payslip, as the
 * « fiche de paie » of mon-entreprise.urssaf.fr lists them, from a publicodes
 * Engine loaded with modele-social (tested with modele-social 11.1.0 and
 * publicodes 1.10.3). Plain ES2020, no imports, no Node APIs: it only calls
 * engine.getParsedRules(), engine.evaluateNode() (publicodes marks it
 * @internal; it is what engine.evaluate() runs, and it hits the engine's
 * cache) and, for units other than €/mois|an|trimestre, engine.evaluate().
 * It reads the parsed AST (explanation, sourceMap) of publicodes 1.x.
 *
 * Which lines, in which section, in which order, and their employee/employer
 * amounts follow the mon-entreprise site source (betagouv/mon-entreprise):
 *  - site/source/components/simulationExplanation/FicheDePaie/utils.ts
 *      getCotisationsBySection (newest stored version; its "modèles sans
 *      régimes" path, which is the one modele-social 11.1.0 takes):
 *      every reference to `salarié . cotisations . …` (no `$`) found by
 *      reduceAST in the formula of `salarié . cotisations . employeur` and of
 *      `salarié . cotisations . salarié`, stripped of ` . salarié|employeur`,
 *      de-duplicated, grouped by the rule's `cotisation: branche:` (default
 *      `divers`), sections sorted by ORDRE_DES_SECTIONS;
 *      partPatronale / partSalariale: findReferenceInNode(line, formula of
 *      `cotisations . employeur` | rule `cotisations . salarié`), evaluated
 *      in €/mois.
 *  - site/source/pages/simulateurs/salarié/components/FicheDePaie/Cotisations.tsx
 *      ORDRE_DES_SECTIONS.
 *  - site/source/components/simulationExplanation/FicheDePaie/CotisationLine.tsx
 *      `salarié . cotisations . exonérations` is shown with a minus sign
 *      (here: negative amounts, so that lines add up to the totals).
 *  - site/source/utils/publicodes/publicodes.ts  findReferenceInNode.
 *  - publicodes 1.10.3 src/AST/index.ts  reduceAST / getChildrenNodes
 *      (ported below, since nothing can be imported).
 *
 * NOT from the site (it shows amounts only): the base (assiette), the rates,
 * and the optional `details` of composite lines. They are read from the
 * rules' own mechanisms (produit / barème / somme …), see analyse() below.
 * Rates are in percent (6.8 means 6.8 %); amounts and bases in €/mois,
 * unrounded.
 */
function payslipLines(engine) {
  var NS = 'salarié'
  var ORDRE_DES_SECTIONS = [
    NS + ' . cotisations . catégories . maladie',
    NS + ' . cotisations . catégories . atmp',
    NS + ' . cotisations . catégories . retraite',
    NS + ' . cotisations . catégories . chômage',
    NS + ' . cotisations . catégories . divers',
    NS + ' . cotisations . catégories . CSG-CRDS',
    NS + ' . cotisations . catégories . exonérations',
    NS + ' . cotisations . catégories . facultatives',
  ]
  var EXONERATIONS = NS + ' . cotisations . exonérations'
  var TOTALS = {
    brut: NS + ' . rémunération . brut',
    employeeTotal: NS + ' . cotisations . salarié',
    employerTotal: NS + ' . cotisations . employeur',
    net: NS + ' . rémunération . net . à payer avant impôt',
    netSocial: NS + ' . rémunération . montant net social',
    totalCost: NS + ' . coût total employeur',
  }
  var rules = engine.getParsedRules()
  var warnings = []

  // ---- publicodes AST traversal (port of getChildrenNodes / reduceAST) ----
  function childNodes(node) {
    var out = []
    function f(n) { if (n !== undefined && n !== null) out.push(n) }
    var sm = node.sourceMap
    if (sm && sm.args) {
      for (var k in sm.args) {
        var v = sm.args[k]
        if (Array.isArray(v)) v.forEach(f)
        else f(v)
      }
    }
    var ex = node.explanation
    switch (node.nodeKind) {
      case 'rule':
        for (var s in node.suggestions) f(node.suggestions[s])
        if (node.possibilities) f(node.possibilities)
        ;(node.replacements || []).forEach(f)
        if (ex.nullableParent) f(ex.nullableParent)
        ;(ex.parents || []).forEach(f)
        f(ex.valeur)
        break
      case 'reference':
      case 'constant':
        break
      case 'arrondi':
        f(ex.valeur); f(ex.arrondi)
        break
      case 'simplifier unité':
      case 'variable manquante':
      case 'est non applicable':
      case 'est non défini':
      case 'logarithme':
      case 'unité':
        f(ex)
        break
      case 'barème':
      case 'taux progressif':
      case 'grille':
        f(ex.assiette); f(ex.multiplicateur)
        ex.tranches.forEach(function (t) {
          if (t.plafond) f(t.plafond)
          if ('montant' in t) f(t.montant)
          if ('taux' in t) f(t.taux)
        })
        break
      case 'durée':
        f(ex.depuis); f(ex["jusqu'à"])
        break
      case 'résoudre référence circulaire':
        f(ex.valeur)
        break
      case 'inversion':
        ex.inversionCandidates.forEach(f)
        break
      case 'operation':
        f(ex[0]); f(ex[1])
        break
      case 'une possibilité':
        ex.forEach(function (n) { f(n); f(n.notApplicable) })
        break
      case 'contexte':
        ex.contexte.forEach(function (p) { f(p[0]); f(p[1]) })
        f(ex.valeur)
        break
      case 'variations':
        ex.forEach(function (b) { f(b.condition); if (b.consequence) f(b.consequence) })
        break
      case 'replacementRule':
        f(node.definitionRule); f(node.replacedReference)
        node.whiteListedNames.forEach(f); node.blackListedNames.forEach(f)
        break
      case 'texte':
        ex.forEach(function (e) { if (typeof e !== 'string') f(e) })
        break
      case 'condition':
        f(ex.si); f(ex.alors); f(ex.sinon)
        break
      default:
        throw new Error('payslipLines: unknown nodeKind ' + node.nodeKind)
    }
    return out
  }
  function reduceAST(fn, start, node) {
    function traverse(acc, n) {
      var r = fn(acc, n)
      if (r === undefined) return childNodes(n).reduce(traverse, acc)
      return r
    }
    return traverse(start, node)
  }
  // Every reference, in reduceAST order. findReferenceInNode(d, node) of the
  // site returns the LAST reference (not ending in $SITUATION) whose name
  // starts with d, i.e. lastMatch(allReferences(node), d).
  function allReferences(node) {
    return reduceAST(function (acc, n) {
      if (n.nodeKind === 'reference') { acc.push(n.dottedName); return acc }
      return undefined
    }, [], node)
  }
  function lastMatch(refs, dottedName) {
    var found
    refs.forEach(function (r) {
      if (r && r.indexOf(dottedName) === 0 && !/\$SITUATION$/.test(r)) found = r
    })
    return found
  }

  // ---- getCotisationsBySection (site utils.ts) ----
  var employerRuleName = (NS + ' . cotisations . employeur . cotisations dues') in rules
    ? NS + ' . cotisations . employeur . cotisations dues'
    : NS + ' . cotisations . employeur'
  if ((NS + ' . cotisations . employeur . régimes . le plus avantageux') in rules) {
    warnings.push('The model has exemption "régimes": the site then reads employer amounts ' +
      'inside the most favourable régime; this function does not, amounts may not match.')
  }
  var employerFormula = rules[employerRuleName].explanation.valeur
  var employeeFormula = rules[NS + ' . cotisations . salarié'].explanation.valeur
  var employerRefs = allReferences(employerFormula) // partPatronale: formula only
  var employeeRefs = allReferences(rules[NS + ' . cotisations . salarié']) // partSalariale: whole rule

  function findCotisations(formula) {
    return allReferences(formula).filter(function (d) {
      return d && d.indexOf(NS + ' . cotisations . ') === 0 && d.indexOf('$') < 0
    })
  }
  function sectionOf(dottedName) {
    var r = rules[dottedName]
    var branche = r && r.rawNode && r.rawNode.cotisation && r.rawNode.cotisation.branche
    var s = NS + ' . cotisations . catégories . ' + (branche == null ? '' : branche)
    return ORDRE_DES_SECTIONS.indexOf(s) >= 0 ? s : NS + ' . cotisations . catégories . divers'
  }
  var bySection = {}
  var sectionKeys = []
  findCotisations(employerFormula).concat(findCotisations(employeeFormula))
    .map(function (d) { return d.replace(/ . (salarié|employeur)$/, '') })
    .forEach(function (d) {
      var s = sectionOf(d)
      if (!bySection[s]) { bySection[s] = []; sectionKeys.push(s) }
      if (bySection[s].indexOf(d) < 0) bySection[s].push(d)
    })
  sectionKeys.sort(function (a, b) { return ORDRE_DES_SECTIONS.indexOf(a) - ORDRE_DES_SECTIONS.indexOf(b) })

  // ---- values, units ----
  function evalNode(n) { return engine.evaluateNode(n) }
  function monthly(value, unit) {
    // € amount → €/mois; undefined when the unit is not money per period
    if (value === null || value === undefined) return null
    if (typeof value !== 'number') return undefined
    var num = (unit && unit.numerators) || []
    var den = (unit && unit.denominators) || []
    if (num.length !== 1 || num[0] !== '€') return undefined
    if (den.length === 0 || (den.length === 1 && den[0] === 'mois')) return value
    if (den.length === 1 && den[0] === 'an') return value / 12
    if (den.length === 1 && den[0] === 'trimestre') return value / 3
    return undefined
  }
  function percent(value, unit) {
    if (value === null || value === undefined) return null
    if (typeof value !== 'number') return undefined
    var num = (unit && unit.numerators) || []
    var den = (unit && unit.denominators) || []
    if (den.length) return undefined
    if (num.length === 0) return value * 100
    if (num.length === 1 && num[0] === '%') return value
    return undefined
  }
  // like monthly(), but a unit-less 0 (publicodes drops the unit of some
  // zero sums) is 0 €/mois
  function money(value, unit) {
    var m = monthly(value, unit)
    if (m === undefined && value === 0 && !(unit && ((unit.numerators || []).length || (unit.denominators || []).length))) return 0
    return m
  }
  function moneyOf(node) { var e = evalNode(node); return money(e.nodeValue, e.unit) }
  // The site evaluates { valeur: dottedName, unité: '€/mois' }; engine.evaluate
  // parses its argument at each new call (~2 ms), so evaluate the parsed rule
  // node instead (same node the engine evaluates, hence cached) and convert
  // €/an, €/trimestre to €/mois here; fall back to the site's form for any
  // other unit.
  function amountOfRule(dottedName) {
    if (!dottedName) return null
    var e = rules[dottedName] ? engine.evaluateNode(rules[dottedName]) : engine.evaluate(dottedName)
    var v = money(e.nodeValue, e.unit)
    if (v === undefined) v = engine.evaluate({ valeur: dottedName, unité: '€/mois' }).nodeValue
    return typeof v === 'number' ? v : null
  }
  function isTrue(n) { var v = evalNode(n).nodeValue; return v !== false && v !== null && v !== undefined }
  function activeConsequence(variations) {
    var ex = variations.explanation
    for (var i = 0; i < ex.length; i++) {
      if (isTrue(ex[i].condition)) return ex[i].consequence || null
    }
    return null
  }
  var STRUCTURAL = { produit: 1, somme: 1, 'le maximum de': 1, 'le minimum de': 1, replacement: 1 }
  // Walk from a formula down to the mechanism that computes it.
  function unwrap(node) {
    for (var i = 0; i < 100 && node; i++) {
      var sm = node.sourceMap && node.sourceMap.mecanismName
      if (sm === 'produit' || sm === 'somme' || node.nodeKind === 'barème') return node
      if (sm === 'dans la situation') {
        if (!isTrue(node.explanation.si)) return { nodeKind: '$situation' }
        node = node.sourceMap.args.valeur; continue
      }
      if (sm === 'replacement' && node.nodeKind === 'variations') { node = activeConsequence(node); continue }
      if (sm && !STRUCTURAL[sm] && node.sourceMap.args && node.sourceMap.args.valeur &&
          !Array.isArray(node.sourceMap.args.valeur) && node.sourceMap.args.valeur.nodeKind) {
        // applicable si, non applicable si, plafond, plancher, abattement, arrondi…
        node = node.sourceMap.args.valeur; continue
      }
      if (node.nodeKind === 'reference') {
        var r = rules[node.dottedName]
        if (!r) return node
        node = r.explanation.valeur; continue
      }
      if (node.nodeKind === 'unité' || node.nodeKind === 'simplifier unité') {
        if (node.explanation && node.explanation.nodeKind === 'operation' && node.explanation.operationKind === '*') return node.explanation
        node = node.explanation; continue
      }
      if (node.nodeKind === 'arrondi') { node = node.explanation.valeur; continue }
      if (node.nodeKind === 'variations') { node = activeConsequence(node); continue }
      return node
    }
    return node
  }
  function close(a, b) { return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) }
  function factorsAnalysis(factors) {
    var base = null, rate = 100, moneyCount = 0, other = false, zeros = 0
    factors.forEach(function (f) {
      var e = evalNode(f)
      var m = monthly(e.nodeValue, e.unit)
      var p = percent(e.nodeValue, e.unit)
      if (m !== undefined && m !== null) { moneyCount++; base = m }
      else if (money(e.nodeValue, e.unit) === 0) zeros++ // unit-less 0: a base of 0 (or a 0 % rate)
      else if (p !== undefined && p !== null) rate = rate * p / 100
      else other = true
    })
    if (moneyCount === 0 && zeros === 1 && !other) return { base: 0, rate: rate, kind: 'taux' }
    if (moneyCount === 1 && zeros && !other) return { base: base, rate: 0, kind: 'taux' }
    if (moneyCount === 1 && !other) return { base: base, rate: rate, kind: 'taux' }
    return { base: null, rate: null, kind: 'forfait' }
  }
  // {base €/mois, rate %, kind, tranches?} of the formula `node` whose value is `amount`
  function analyse(node, amount) {
    var res = analyseRaw(unwrap(node))
    if (amount === null || amount === undefined) return { base: res.base, rate: null, kind: res.kind, tranches: res.tranches }
    if (res.base !== null && res.base !== undefined) {
      if (res.rate === null || res.rate === undefined || !close(res.base * res.rate / 100, amount)) {
        if (res.kind !== 'bases multiples') {
          res.rate = res.base ? amount / res.base * 100 : null
          if (res.kind === 'taux') res.kind = 'effectif'
        }
      }
    }
    return res
  }
  function analyseRaw(n) {
    if (!n) return { base: null, rate: null, kind: 'non applicable' }
    var sm = n.sourceMap && n.sourceMap.mecanismName
    if (n.nodeKind === '$situation') return { base: null, rate: null, kind: 'situation' }
    if (sm === 'produit') return factorsAnalysis(n.sourceMap.args.valeur)
    if (n.nodeKind === 'operation' && n.operationKind === '*') return factorsAnalysis(n.explanation)
    if (n.nodeKind === 'operation' && n.operationKind === '-') {
      // `montant - x %` : publicodes takes x % off the left operand
      var l = evalNode(n.explanation[0]), r = evalNode(n.explanation[1])
      var lm = monthly(l.nodeValue, l.unit), rp = r.unit && r.unit.numerators && r.unit.numerators[0] === '%' ? r.nodeValue : undefined
      if (lm !== undefined && lm !== null && typeof rp === 'number') return { base: lm, rate: 100 - rp, kind: 'taux' }
      return { base: null, rate: null, kind: 'autre' }
    }
    if (n.nodeKind === 'barème') {
      var ex = n.explanation
      var base = moneyOf(ex.assiette)
      var mult = evalNode(ex.multiplicateur)
      var multV = monthly(mult.nodeValue, mult.unit)
      if (multV === undefined) multV = mult.nodeValue
      var tranches = ex.tranches.map(function (t) {
        var te = t.taux ? evalNode(t.taux) : null
        var pe = t.plafond ? evalNode(t.plafond).nodeValue : null
        return { rate: te ? percent(te.nodeValue, te.unit) : null, upTo: pe === null || pe === undefined ? null : pe * multV }
      })
      return { base: base === undefined ? null : base, rate: null, kind: 'barème', tranches: tranches }
    }
    if (sm === 'somme') {
      var parts = []
      n.sourceMap.args.valeur.forEach(function (t) {
        var a = moneyOf(t)
        if (a === null || a === undefined || a === 0) return
        parts.push(analyse(termName(t).node || t, a))
      })
      if (!parts.length) return { base: null, rate: null, kind: 'somme' }
      var b0 = parts[0].base
      var same = parts.every(function (p) { return p.base !== null && p.base !== undefined && b0 !== null && close(p.base, b0) })
      if (!same) {
        var bases = parts.map(function (p) { return p.base }).filter(function (b) { return b !== null && b !== undefined })
        return { base: bases.length ? Math.max.apply(null, bases) : null, rate: null, kind: 'bases multiples' }
      }
      var simple = parts.every(function (p) { return p.kind === 'taux' })
      return {
        base: b0,
        rate: simple ? parts.reduce(function (s, p) { return s + p.rate }, 0) : null,
        kind: simple ? 'taux' : 'effectif',
      }
    }
    return { base: null, rate: null, kind: 'autre' }
  }

  // ---- composite lines: one level of `somme` terms (extension) ----
  // {name, node} of a `somme` term: the rule it references (through
  // replacements, and the retained candidate of a `le maximum de`)
  function termName(t) {
    for (var i = 0; i < 20 && t; i++) {
      if (t.nodeKind === 'reference') return { name: t.dottedName, node: t }
      var sm = t.sourceMap && t.sourceMap.mecanismName
      if (sm === 'replacement' && t.nodeKind === 'variations') { t = activeConsequence(t); continue }
      if (sm === 'le maximum de') {
        // the candidate actually retained
        var best = null, bestV = null
        t.sourceMap.args.valeur.forEach(function (c) {
          var v = moneyOf(c)
          if (typeof v === 'number' && (bestV === null || v > bestV)) { best = c; bestV = v }
        })
        t = best; continue
      }
      return { name: null, node: t }
    }
    return { name: null, node: t }
  }
  function termsOf(dottedName) {
    if (!dottedName || !rules[dottedName]) return []
    var u = unwrap(rules[dottedName].explanation.valeur)
    if (!u || !(u.sourceMap && u.sourceMap.mecanismName === 'somme')) return []
    var out = []
    u.sourceMap.args.valeur.forEach(function (t) {
      var a = moneyOf(t)
      if (a === null || a === undefined || a === 0) return
      var tn = termName(t)
      out.push({ name: tn.name, node: tn.node || t, amount: a })
    })
    return out
  }
  function part(dottedName, sign) {
    var amount = amountOfRule(dottedName)
    if (amount === null) return { rule: dottedName || null, base: null, rate: null, amount: null, kind: dottedName ? 'non applicable' : null }
    var a = analyse(rules[dottedName].explanation.valeur, amount)
    var p = {
      rule: dottedName,
      base: a.base === undefined ? null : a.base,
      rate: a.rate === null || a.rate === undefined ? null : sign * a.rate,
      amount: sign * amount,
      kind: a.kind,
    }
    if (a.tranches) p.tranches = a.tranches
    return p
  }
  function line(name, eePart, erPart, extra) {
    var r = rules[name]
    // the line's base: the common base of its non-zero parts (null if they differ)
    var base = null
    var eeOn = eePart.amount !== null && eePart.amount !== 0, erOn = erPart.amount !== null && erPart.amount !== 0
    if (eeOn && erOn) base = eePart.base !== null && erPart.base !== null && close(eePart.base, erPart.base) ? erPart.base : null
    else if (erOn) base = erPart.base
    else if (eeOn) base = eePart.base
    else base = erPart.amount !== null && erPart.base !== null ? erPart.base : eePart.amount !== null ? eePart.base : null
    var l = {
      name: name,
      title: r ? r.title : name.split(' . ').pop(),
      base: base,
      employeeRate: eePart.rate,
      employeeAmount: eePart.amount,
      employerRate: erPart.rate,
      employerAmount: erPart.amount,
      employeeBase: eePart.base,
      employerBase: erPart.base,
      employeeRateKind: eePart.kind,
      employerRateKind: erPart.kind,
      employeeRule: eePart.rule,
      employerRule: erPart.rule,
    }
    if (eePart.tranches) l.employeeTranches = eePart.tranches
    if (erPart.tranches) l.employerTranches = erPart.tranches
    for (var k in extra || {}) l[k] = extra[k]
    return l
  }
  function details(eeRule, erRule, sign) {
    var map = {}, order = []
    function add(side, t) {
      var key = t.name ? t.name.replace(/ . (salarié|employeur)$/, '') : '(expression)'
      if (!map[key]) { map[key] = { ee: null, er: null }; order.push(key) }
      map[key][side] = t
    }
    termsOf(eeRule).forEach(function (t) { add('ee', t) })
    termsOf(erRule).forEach(function (t) { add('er', t) })
    return order.map(function (key) {
      function mk(t) {
        if (!t) return { rule: null, base: null, rate: null, amount: null, kind: null }
        var a = analyse(t.node, t.amount)
        var p = { rule: t.name, base: a.base === undefined ? null : a.base, rate: a.rate === null || a.rate === undefined ? null : sign * a.rate, amount: sign * t.amount, kind: a.kind }
        if (a.tranches) p.tranches = a.tranches
        return p
      }
      return line(key, mk(map[key].ee), mk(map[key].er))
    })
  }

  // ---- assemble ----
  var sections = sectionKeys.map(function (s) {
    return {
      name: s,
      title: rules[s] ? rules[s].title : s,
      lines: bySection[s].map(function (name) {
        var sign = name === EXONERATIONS ? -1 : 1
        var eeRule = lastMatch(employeeRefs, name)
        var erRule = lastMatch(employerRefs, name)
        var ee = part(eeRule, sign)
        var er = part(erRule, sign)
        var d = details(ee.amount === null ? null : eeRule, er.amount === null ? null : erRule, sign)
        return line(name, ee, er, { section: s, negative: sign < 0, details: d.length ? d : null })
      }),
    }
  })
  var lines = []
  sections.forEach(function (s) { s.lines.forEach(function (l) { lines.push(l) }) })

  var totals = {}
  for (var t in TOTALS) {
    totals[t] = { rule: TOTALS[t], value: rules[TOTALS[t]] ? amountOfRule(TOTALS[t]) : null }
  }
  function round2(x) { return Math.round(x * 100) / 100 }
  function check(field, total) {
    var sum = 0, sumRounded = 0
    lines.forEach(function (l) {
      if (typeof l[field] === 'number') { sum += l[field]; sumRounded += round2(l[field]) }
    })
    var tv = total.value
    return {
      sum: sum,
      total: tv,
      diff: tv === null ? null : sum - tv,
      exact: tv !== null && sum === tv,
      withinCent: tv !== null && Math.abs(sum - tv) < 0.005,
      // what a payslip printed to the cent would show
      sumOfRoundedLines: round2(sumRounded),
      roundedTotal: tv === null ? null : round2(tv),
      roundedDiff: tv === null ? null : round2(round2(sumRounded) - round2(tv)),
    }
  }
  return {
    sections: sections,
    lines: lines,
    totals: totals,
    checks: {
      employee: check('employeeAmount', totals.employeeTotal),
      employer: check('employerAmount', totals.employerTotal),
    },
    warnings: warnings,
  }
}

/*
 * The lines flattened for CarteBlanche.Payroll (PayslipLine): one entry per line, its section's title first, then its
 * details (a composite line's parts: RGDU within the exemptions, CSG and CRDS…) marked as such; lines with nothing to
 * pay on either side (not applicable, or 0) are left out. A value that is not a finite number is null.
 */
function flatPayslipLines(engine) {
  function num(x) { return typeof x === 'number' && isFinite(x) ? x : null }
  function paid(l) { return (num(l.employeeAmount) || 0) !== 0 || (num(l.employerAmount) || 0) !== 0 }
  function entry(section, l, detail) {
    return {
      section: section, rule: l.name, title: l.title, base: num(l.base),
      employeeRate: num(l.employeeRate), employeeAmount: num(l.employeeAmount),
      employerRate: num(l.employerRate), employerAmount: num(l.employerAmount), detail: detail,
    }
  }
  var out = []
  payslipLines(engine).sections.forEach(function (s) {
    s.lines.filter(paid).forEach(function (l) {
      out.push(entry(s.title, l, false))
      ;(l.details || []).filter(paid).forEach(function (d) { out.push(entry(s.title, d, true)) })
    })
  })
  return out
}
