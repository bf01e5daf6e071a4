/**
 * edXML packages of QCVN 102:2016 (edoc and status): lenient on input, strict on output.
 *
 * <ul>
 *   <li>{@link vn.gov.bus.core.edxml.EdxmlReader} parses through {@code SecureXml}, keeps the DOM
 *       (the bus appends trace headers to it and signs it) and binds the generated JAXB types
 *       ({@code vn.gov.bus.schemas.edxml}) from it, whatever prefix, namespace or order the
 *       producer used.</li>
 *   <li>{@link vn.gov.bus.core.edxml.PackageRules} says whether a package is acceptable: errors
 *       and, separately, warnings that never reject (agency code shape, zip behind a pdf).</li>
 *   <li>{@link vn.gov.bus.core.edxml.TraceHeaders} appends the hop's TraceHeader to the DOM.</li>
 *   <li>{@link vn.gov.bus.core.edxml.EdxmlWriter} writes NFC, schema-valid, rule-abiding packages;
 *       {@link vn.gov.bus.core.edxml.SamplePackages} builds realistic ones through it.</li>
 * </ul>
 */
package vn.gov.bus.core.edxml;
