/**
 * The HeavyDB Store provider's internals: for now the SQL dialect (DDL, identifier rules, type mapping).
 */
package dev.quiver.heavydb;
