import { describe, expect, it } from 'vitest';
import { Tokenizer, textToWordSequence } from '../../../src/core/helpers/tokenizer';

// The course/exam example ("NLP Zero to Hero"), TF 2.x:
//   sentences = ['I love my dog', 'I, love my cat', 'You love my dog!']
//   tokenizer = Tokenizer(num_words=100, oov_token="<OOV>"); tokenizer.fit_on_texts(sentences)
//   tokenizer.word_index -> {'<OOV>': 1, 'love': 2, 'my': 3, 'i': 4, 'dog': 5, 'cat': 6, 'you': 7}
const THREE = ['I love my dog', 'I, love my cat', 'You love my dog!'];
// ... and with 'Do you think my dog is amazing?' appended:
//   word_index -> {'<OOV>': 1, 'my': 2, 'love': 3, 'dog': 4, 'i': 5, 'you': 6, 'cat': 7,
//                  'do': 8, 'think': 9, 'is': 10, 'amazing': 11}
//   texts_to_sequences(sentences) -> [[5, 3, 2, 4], [5, 3, 2, 7], [6, 3, 2, 4], [8, 6, 9, 2, 4, 10, 11]]
//   texts_to_sequences(['i really love my dog', 'my dog loves my manatee']) -> [[5, 1, 3, 2, 4], [2, 4, 1, 2, 1]]
const FOUR = [...THREE, 'Do you think my dog is amazing?'];

describe('textToWordSequence (keras text_to_word_sequence)', () => {
  it('lower-cases, strips the default filters and splits on spaces', () => {
    expect(textToWordSequence('I, love my cat')).toEqual(['i', 'love', 'my', 'cat']);
    expect(textToWordSequence('You love my dog!')).toEqual(['you', 'love', 'my', 'dog']);
  });

  it("keeps apostrophes and \\r, turns tabs and newlines into separators (Keras' filters)", () => {
    expect(textToWordSequence("Don't\tstop\nnow\r")).toEqual(["don't", 'stop', 'now\r']);
  });

  it('honours lower, filters and split options', () => {
    expect(textToWordSequence('A-B C', { lower: false, filters: '', split: '-' })).toEqual(['A', 'B C']);
    expect(textToWordSequence('a,b;;c', { split: ',', filters: ';' })).toEqual(['a', 'b', 'c']);
  });
});

describe('Tokenizer.fitOnTexts', () => {
  it('reproduces the classic Keras word_index with an OOV token', () => {
    const t = new Tokenizer({ numWords: 100, oovToken: '<OOV>' }).fitOnTexts(THREE);
    expect(Object.fromEntries(t.wordIndex)).toEqual({ '<OOV>': 1, love: 2, my: 3, i: 4, dog: 5, cat: 6, you: 7 });
    expect([...t.wordIndex.keys()]).toEqual(['<OOV>', 'love', 'my', 'i', 'dog', 'cat', 'you']);
    // word_counts is an OrderedDict in order of first appearance.
    expect([...t.wordCounts]).toEqual([
      ['i', 2],
      ['love', 3],
      ['my', 3],
      ['dog', 2],
      ['cat', 1],
      ['you', 1],
    ]);
    expect(t.documentCount).toBe(3);
  });

  it('numbers words from 1 without an OOV token', () => {
    // Tokenizer(num_words=100).fit_on_texts(THREE).word_index -> {'love': 1, 'my': 2, 'i': 3, 'dog': 4, 'cat': 5, 'you': 6}
    const t = new Tokenizer({ numWords: 100 }).fitOnTexts(THREE);
    expect(Object.fromEntries(t.wordIndex)).toEqual({ love: 1, my: 2, i: 3, dog: 4, cat: 5, you: 6 });
  });

  it('reproduces the four-sentence course example and its sequences', () => {
    const t = new Tokenizer({ numWords: 100, oovToken: '<OOV>' }).fitOnTexts(FOUR);
    expect([...t.wordIndex]).toEqual([
      ['<OOV>', 1],
      ['my', 2],
      ['love', 3],
      ['dog', 4],
      ['i', 5],
      ['you', 6],
      ['cat', 7],
      ['do', 8],
      ['think', 9],
      ['is', 10],
      ['amazing', 11],
    ]);
    expect(t.textsToSequences(FOUR)).toEqual([
      [5, 3, 2, 4],
      [5, 3, 2, 7],
      [6, 3, 2, 4],
      [8, 6, 9, 2, 4, 10, 11],
    ]);
    expect(t.textsToSequences(['i really love my dog', 'my dog loves my manatee'])).toEqual([
      [5, 1, 3, 2, 4],
      [2, 4, 1, 2, 1],
    ]);
  });

  it('breaks frequency ties by first occurrence, and refitting accumulates counts', () => {
    const t = new Tokenizer().fitOnTexts(['b a', 'c']);
    expect([...t.wordIndex.keys()]).toEqual(['b', 'a', 'c']);
    t.fitOnTexts(['c a']);
    // counts b1 a2 c2 -> a and c tie at 2; a appeared first.
    expect([...t.wordIndex]).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 3],
    ]);
    expect(t.documentCount).toBe(3);
    expect(Object.fromEntries(t.wordDocs)).toEqual({ b: 1, a: 2, c: 2 });
    expect(Object.fromEntries(t.indexDocs)).toEqual({ 1: 2, 2: 2, 3: 1 });
  });

  it("keeps words such as 'constructor' and '2020' intact", () => {
    const t = new Tokenizer({ filters: '' }).fitOnTexts(['constructor 2020 __proto__ 2020']);
    expect([...t.wordIndex]).toEqual([
      ['2020', 1],
      ['constructor', 2],
      ['__proto__', 3],
    ]);
  });

  it('char level: every character (spaces too) is a token and filters are ignored', () => {
    // Tokenizer(char_level=True).fit_on_texts(['hello!', 'ah']) -> counts h2 e1 l2 o1 !1 a1
    //   -> word_index {'h': 1, 'l': 2, 'e': 3, 'o': 4, '!': 5, 'a': 6}
    const t = new Tokenizer({ charLevel: true }).fitOnTexts(['Hello!', 'ah']);
    expect(Object.fromEntries(t.wordIndex)).toEqual({ h: 1, l: 2, e: 3, o: 4, '!': 5, a: 6 });
    expect(t.textsToSequences(['a h'])).toEqual([[6, 1]]);
    expect(new Tokenizer({ charLevel: true }).fitOnTexts(['a b']).wordIndex.get(' ')).toBe(2);
    // sequences_to_texts joins with spaces even at char level.
    expect(t.sequencesToTexts([[1, 3, 2, 2, 4]])).toEqual(['h e l l o']);
  });

  it('accepts pre-tokenised texts (lists of words), lower-cased like Keras', () => {
    const t = new Tokenizer().fitOnTexts([['New', 'York'], ['new']]);
    expect(Object.fromEntries(t.wordIndex)).toEqual({ new: 1, york: 2 });
    expect(t.textsToSequences([['NEW', 'york', 'city']])).toEqual([[1, 2]]);
  });

  it('reproduces the OOV-collision quirk: a real word equal to the OOV token takes over its index', () => {
    // Tokenizer(oov_token='oov').fit_on_texts(['a oov oov']) -> word_index {'oov': 2, 'a': 3}
    //   (dict(zip(['oov', 'oov', 'a'], [1, 2, 3])) keeps the first key position, last value).
    const t = new Tokenizer({ oovToken: 'oov' }).fitOnTexts(['a oov oov']);
    expect([...t.wordIndex]).toEqual([
      ['oov', 2],
      ['a', 3],
    ]);
    expect(t.indexWord.has(1)).toBe(false);
    expect(t.textsToSequences(['a zebra'])).toEqual([[3, 2]]);
  });

  it('rejects a bare string, which Keras would split into one text per character', () => {
    expect(() => new Tokenizer().fitOnTexts('hello world' as unknown as string[])).toThrow(/wrap a single text/);
  });
});

describe('Tokenizer numWords and OOV', () => {
  it('keeps only indices below numWords and maps the rest to OOV', () => {
    // Tokenizer(num_words=4, oov_token='<OOV>') on THREE: word_index still has all 7 entries,
    // texts_to_sequences(['You love my dog']) -> [[1, 2, 3, 1]] (you=7, dog=5 >= 4 become OOV)
    const t = new Tokenizer({ numWords: 4, oovToken: '<OOV>' }).fitOnTexts(THREE);
    expect(t.wordIndex.size).toBe(7);
    expect(t.textsToSequences(['You love my dog'])).toEqual([[1, 2, 3, 1]]);
    expect(t.sequencesToTexts([[1, 2, 3, 7]])).toEqual(['<OOV> love my <OOV>']);
  });

  it('treats the word whose index equals numWords as out of range, as Keras does (i >= num_words)', () => {
    // THREE with an OOV token: i = 4. Tokenizer(num_words=4, oov_token='<OOV>').texts_to_sequences(['i love']) -> [[1, 2]]
    const t = new Tokenizer({ numWords: 4, oovToken: '<OOV>' }).fitOnTexts(THREE);
    expect(t.wordIndex.get('i')).toBe(4);
    expect(t.textsToSequences(['i love'])).toEqual([[1, 2]]);
  });

  it('drops unknown and out-of-range words when there is no OOV token', () => {
    // Tokenizer(num_words=3).fit_on_texts(THREE).texts_to_sequences(['you love my dog and cat']) -> [[1, 2]]
    const t = new Tokenizer({ numWords: 3 }).fitOnTexts(THREE);
    expect(t.textsToSequences(['you love my dog and cat'])).toEqual([[1, 2]]);
    expect(t.sequencesToTexts([[0, 1, 2, 5, 99]])).toEqual(['love my']);
  });

  it('treats numWords 0 as no limit (Python falsiness)', () => {
    const t = new Tokenizer({ numWords: 0 }).fitOnTexts(THREE);
    expect(t.textsToSequences(['you'])).toEqual([[6]]);
  });

  it('round-trips sequences to texts for in-vocabulary words', () => {
    const t = new Tokenizer({ oovToken: '<OOV>' }).fitOnTexts(FOUR);
    const texts = ['i love my dog', 'do you think my cat is amazing'];
    expect(t.sequencesToTexts(t.textsToSequences(texts))).toEqual(texts);
  });

  it('maps padding (0) to OOV in sequencesToTexts when an OOV token is set', () => {
    const t = new Tokenizer({ oovToken: '<OOV>' }).fitOnTexts(['my dog']);
    expect(t.sequencesToTexts([[0, 2, 3, 9]])).toEqual(['<OOV> my dog <OOV>']);
  });
});

describe('Tokenizer matrices', () => {
  it('binary, count and freq modes', () => {
    // Tokenizer().fit_on_texts(['a b b']) -> {'b': 1, 'a': 2}; texts_to_matrix(['b b a c'], mode) ->
    //   binary [[0, 1, 1]], count [[0, 2, 1]], freq [[0, 2/3, 1/3]] (c is unknown and dropped first)
    const t = new Tokenizer().fitOnTexts(['a b b']);
    expect(Array.from(t.textsToMatrix(['b b a c']).values)).toEqual([0, 1, 1]);
    expect(Array.from(t.textsToMatrix(['b b a c'], 'count').values)).toEqual([0, 2, 1]);
    const freq = t.textsToMatrix(['b b a c'], 'freq');
    expect(freq.shape).toEqual([1, 3]);
    expect(freq.values[1]).toBeCloseTo(2 / 3, 6);
    expect(freq.values[2]).toBeCloseTo(1 / 3, 6);
  });

  it('tfidf uses (1 + ln tf) * ln(1 + N / (1 + df))', () => {
    const t = new Tokenizer().fitOnTexts(['a b', 'b', 'b c']);
    // b: index 1, in 3 docs; a: index 2, in 1 doc; c: 3, 1 doc. N = 3.
    const m = t.textsToMatrix(['b b a'], 'tfidf');
    expect(m.shape).toEqual([1, 4]);
    expect(m.values[1]).toBeCloseTo((1 + Math.log(2)) * Math.log(1 + 3 / 4), 6);
    expect(m.values[2]).toBeCloseTo(1 * Math.log(1 + 3 / 2), 6);
    expect(m.values[3]).toBe(0);
  });

  it('tfidf counts a document once however often a word repeats in it (document frequency)', () => {
    // fit_on_texts(['b b', 'a']): index_docs[b] = 1, not 2. texts_to_matrix(['b'], 'tfidf')[0][1] = 1 * ln(1 + 2 / (1 + 1))
    const t = new Tokenizer().fitOnTexts(['b b', 'a']);
    const m = t.textsToMatrix(['b'], 'tfidf');
    expect(m.values[1]).toBeCloseTo(Math.log(2), 6);
  });

  it('limits columns to numWords', () => {
    const t = new Tokenizer({ numWords: 2 }).fitOnTexts(THREE);
    const m = t.sequencesToMatrix([[1, 2, 3]], 'count');
    expect(m.shape).toEqual([1, 2]);
    expect(Array.from(m.values)).toEqual([0, 1]);
  });
});

describe('Tokenizer JSON', () => {
  it('round-trips through JSON.stringify / fromJSON with identical behaviour', () => {
    const t = new Tokenizer({ numWords: 5, oovToken: '<OOV>' }).fitOnTexts(FOUR);
    const copy = Tokenizer.fromJSON(JSON.stringify(t));
    expect([...copy.wordIndex]).toEqual([...t.wordIndex]);
    expect([...copy.wordCounts]).toEqual([...t.wordCounts]);
    expect([...copy.indexWord]).toEqual([...t.indexWord]);
    expect(copy.numWords).toBe(5);
    expect(copy.documentCount).toBe(4);
    const probe = ['my manatee loves amazing dogs', 'i think'];
    expect(copy.textsToSequences(probe)).toEqual(t.textsToSequences(probe));
  });

  it('writes the Keras to_json layout (dicts as nested JSON strings, Python separators)', () => {
    const t = new Tokenizer({ oovToken: '<OOV>' }).fitOnTexts(['I love my dog']);
    const j = t.toJSON();
    expect(j.class_name).toBe('Tokenizer');
    expect(j.config.word_index).toBe('{"<OOV>": 1, "i": 2, "love": 3, "my": 4, "dog": 5}');
    expect(j.config.index_word).toBe('{"1": "<OOV>", "2": "i", "3": "love", "4": "my", "5": "dog"}');
    expect(j.config.num_words).toBeNull();
    // Python's json.dumps escapes non-ASCII by default.
    expect(new Tokenizer().fitOnTexts(['café']).toJSON().config.word_counts).toBe('{"caf\\u00e9": 1}');
  });

  it('reads a Python to_json string, keeping integer-like keys in order', () => {
    // Produced by: t = Tokenizer(oov_token='<OOV>'); t.fit_on_texts(['zoo 7 7 zoo 1999']); t.to_json()
    const python = JSON.stringify({
      class_name: 'Tokenizer',
      config: {
        num_words: null,
        filters: '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
        lower: true,
        split: ' ',
        char_level: false,
        oov_token: '<OOV>',
        document_count: 1,
        word_counts: '{"zoo": 2, "7": 2, "1999": 1}',
        word_docs: '{"7": 1, "zoo": 1, "1999": 1}',
        index_docs: '{"3": 1, "2": 1, "4": 1}',
        index_word: '{"1": "<OOV>", "2": "zoo", "3": "7", "4": "1999"}',
        word_index: '{"<OOV>": 1, "zoo": 2, "7": 3, "1999": 4}',
      },
    });
    const t = Tokenizer.fromJSON(python);
    expect([...t.wordCounts.keys()]).toEqual(['zoo', '7', '1999']);
    expect(t.textsToSequences(['7 zoo cat'])).toEqual([[3, 2, 1]]);
    // Refit: zoo and 7 now tie at 3; Python keeps zoo first (first seen). JSON.parse order would put 7 first.
    t.fitOnTexts(['7 zoo']);
    expect([...t.wordIndex.keys()]).toEqual(['<OOV>', 'zoo', '7', '1999']);
  });

  it('rejects JSON that is not a tokenizer', () => {
    expect(() => Tokenizer.fromJSON('{"class_name": "Nope"}')).toThrow(/toJSON/);
  });
});
