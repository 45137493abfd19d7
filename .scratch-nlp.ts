import nlp from 'compromise';
const words = ['Residents are preparing','Story about','Talks continue','Sheltering in the','Diplomatic attempts at','Chechen special forces','Jewish people','Jews around the','Shell on Tuesday','Apple to Boeing','Holocaust memorial','Satellite image','Targets in Kyiv','Kharkiv clubbed'];
for (let r=0;r<200;r++) for (const w of words) nlp(w).json();
let t=performance.now();
for (let r=0;r<100;r++) for (const w of words) { const d=(nlp as any).tokenize(w); d.compute(['lexicon','preTagger']); d.json(); }
console.log(((performance.now()-t)/100/words.length).toFixed(3),'ms per small call (pretagger)');
t=performance.now();
for (let r=0;r<100;r++) for (const w of words) { nlp(w).json(); }
console.log(((performance.now()-t)/100/words.length).toFixed(3),'ms per small call (full)');
for (const w of words) { const d=(nlp as any).tokenize(w); d.compute(['lexicon','preTagger']); console.log(d.json()[0].terms.map((t:any)=>t.text+'/'+t.tags.join(',')).join(' ')); }
