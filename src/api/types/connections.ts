import { Connection } from './connection';
import { Document } from './document.type';
import { Entity } from './entity.type';
import { Statement } from './statement.type';
import { TimelineEntry } from './timeline.type';

export const DocumentConnection = Connection('Document', Document);
export const EntityConnection = Connection('Entity', Entity);
export const StatementConnection = Connection('Statement', Statement);
export const TimelineConnection = Connection('Timeline', TimelineEntry);
