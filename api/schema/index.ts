// Every domain of the schema, imported for its side effects on the builder.
import './system.ts';
