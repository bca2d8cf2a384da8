package io.aiusage.connector.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.aiusage.domain.Vendor;

/**
 * One kind of cached vendor data: a vendor endpoint (or a figure read from it) and the Java type of one entry, which a
 * shared store needs to read entries back. {@code empty} is the value of a day or period the vendor's answer left out.
 * {@code entryType} is the type of a stored entry ({@code StoredEntry<type>}), built once: it is asked on every read.
 */
public record Dataset<T>(Vendor vendor, String name, JavaType type, T empty, JavaType entryType) {

    public static <T> Dataset<T> of(Vendor vendor, String name, TypeReference<T> type, T empty) {
        JavaType javaType = TypeFactory.defaultInstance().constructType(type);
        return new Dataset<>(vendor, name, javaType, empty,
                TypeFactory.defaultInstance().constructParametricType(StoredEntry.class, javaType));
    }

    /**
     * The store key of one slot: vendor, endpoint, scope (org, group:..., team:..., user:...) and day, period or
     * variant. It never holds a credential.
     */
    String key(String scope, String slot) {
        return vendor + "|" + name + "|" + scope + "|" + slot;
    }
}
