import { Connection } from './connection';
import { Document } from './document.type';

export const DocumentConnection = Connection('Document', Document);
