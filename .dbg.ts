import { extract } from './src/extract/pipeline';
const text = 'Speaking in Brussels, the minister Ana Duarte said aid would come. Ivan Petrenko said the attack in Kyiv was planned.';
const x = extract(text, { published: '2024-03-06', authorities: [] });
console.log(x.statements.map(s=>[s.speakerText, s.text, s.saidInKey]), x.entities.map(e=>e.key));
