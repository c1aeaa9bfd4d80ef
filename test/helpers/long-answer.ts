/** A long Vietnamese answer for splitting tests. */
/** Sentences of varied length, in paragraphs, about `total` characters. */
export function longAnswer(total: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let p = 0; length < total; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4 && length < total; s++) {
      const sentence = `Câu ${p + 1}.${s + 1}: các cấp ủy, tổ chức đảng tổ chức hội nghị gọn, thiết thực, đúng thời lượng quy định${' và bảo đảm chất lượng'.repeat((p + s) % 7)}.`;
      sentences.push(sentence);
      length += sentence.length + 1;
    }
    paragraphs.push(sentences.join(' '));
    length += 1;
  }
  return paragraphs.join('\n\n').slice(0, total).replace(/[^.]*$/, '').trim();
}
