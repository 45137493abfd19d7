import { loadAuthorities } from './src/extract/authorities';
try { loadAuthorities(`- name: Good\n  kind: PERSON\n- name: Bad kind\n  kind: CITY\n- name: Bad id\n  kind: PLACE\n  wikidata: 1065\n- kind: PERSON\n`); } catch (e) { console.log((e as Error).message); }
