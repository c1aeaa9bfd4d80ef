import { metadataKind } from '../src/answer/metadata.js';
console.log(metadataKind(process.argv[2]!));
