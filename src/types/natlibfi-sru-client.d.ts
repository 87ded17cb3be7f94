/** @natlibfi/sru-client ships no types; tests use it through a narrow local signature. */
declare module '@natlibfi/sru-client';
