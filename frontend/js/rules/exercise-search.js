// Which exercises a search finds. Pure: exercises, the runner's words and the everyday-word
// table in, the matching ones out. The table (rules/muscles.json) maps an everyday word, singular,
// to parts of the muscle names the cards list; tests/catalog/test_muscle_words.py holds each part
// to a card. A word matches an exercise's name, focus tags, muscles or kit, ignoring case, hyphens,
// spaces and a plural ending ("wood chop" = "woodchop", "calves" = "calf"); an everyday word
// ("calves", "hips") also matches the anatomical names it stands for. Every word must match.
// JavaScript only: tests/vectors/exercise_search.json.
(function (steady) {
  'use strict';

  /** Lower case, letters and digits only: "Medicine-ball wood chop" → "medicineballwoodchop". */
  function compact(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]/g, '');
  }

  /** One word without its plural ending; short words such as "abs" are left alone. */
  function singular(word) {
    if (word.length <= 3 || word.endsWith('ss')) return word;
    if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
    if (word.endsWith('ves')) return `${word.slice(0, -3)}f`;
    if (/(ch|sh|x)es$/.test(word)) return word.slice(0, -2);
    return word.endsWith('s') ? word.slice(0, -1) : word;
  }

  /** The words of a search in compact form; hyphens split words. */
  function searchWords(query) {
    return String(query).toLowerCase().split(/[\s-]+/).map(compact).filter(Boolean);
  }

  function formMatches(form, fields, muscles, table) {
    if (fields.some((field) => field.includes(form))) return true;
    const names = Object.hasOwn(table, form) && Array.isArray(table[form]) ? table[form] : [];
    return names.some((name) => muscles.some((muscle) => muscle.includes(compact(name))));
  }

  // As typed or without its plural ending: "calves" is in "Calves" and, as "calf", in the table.
  function wordMatches(word, fields, muscles, table) {
    return [word, singular(word)].some((form) => formMatches(form, fields, muscles, table));
  }

  /** Whether one exercise matches every word of a search (an empty search matches all). */
  function matchesSearch(exercise, query, table) {
    const muscles = exercise.muscles.map(compact);
    const fields = [exercise.name, ...exercise.tags, ...exercise.equipment.map((e) => e.item)].map(compact).concat(muscles);
    const words = searchWords(query);
    // The whole search run together too, so "wood chop" and "woodchop" find the same card.
    const joined = words.join('');
    return words.every((word) => wordMatches(word, fields, muscles, table))
      || (words.length > 1 && wordMatches(joined, fields, muscles, table));
  }

  /** The slugs of the exercises a search finds, in catalogue order. */
  function searchSlugs(exercises, query, table) {
    return exercises.filter((exercise) => matchesSearch(exercise, query, table)).map((e) => e.slug);
  }

  steady.rules.exerciseSearch = { searchWords, matchesSearch, searchSlugs };
})(globalThis.steady);
