package io.ddbgitops.local;

import com.amazon.ion.IonBlob;
import com.amazon.ion.IonBool;
import com.amazon.ion.IonDecimal;
import com.amazon.ion.IonException;
import com.amazon.ion.IonFloat;
import com.amazon.ion.IonInt;
import com.amazon.ion.IonList;
import com.amazon.ion.IonStruct;
import com.amazon.ion.IonSystem;
import com.amazon.ion.IonText;
import com.amazon.ion.IonValue;
import com.amazon.ion.system.IonSystemBuilder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Amazon Ion objects as ImportTable reads them: a stream of {@code {Item: {...}}} structs, text as S, decimals and
 * integers as N, blobs as B, booleans, nulls, lists as L, structs as M, and the sets as lists annotated
 * {@code $dynamodb_SS}, {@code $dynamodb_NS}, {@code $dynamodb_BS}
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html, the Ion type mapping,
 * checked 2026-12-01). Read with Amazon's ion-java.
 */
final class IonItems {
    private static final IonSystem ION = IonSystemBuilder.standard().build();

    private IonItems() {}

    /** Each top-level value in turn: its item, or empty for one that is not {@code {Item: {...}}}. */
    static Iterator<Optional<ObjectNode>> read(byte[] data) {
        Iterator<IonValue> values = ION.iterate(data);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public Optional<ObjectNode> next() {
                IonValue value = values.next();
                if (value instanceof IonStruct struct && struct.get("Item") instanceof IonStruct item) {
                    return Optional.of(map(item));
                }
                return Optional.empty();
            }
        };
    }

    private static ObjectNode map(IonStruct struct) {
        ObjectNode map = Json.object();
        for (IonValue field : struct) {
            map.set(field.getFieldName(), attribute(field));
        }
        return map;
    }

    private static ObjectNode attribute(IonValue value) {
        ObjectNode attribute = Json.object();
        if (value.isNullValue()) {
            return attribute.put("NULL", true);
        }
        if (value instanceof IonText text) {
            return attribute.put("S", text.stringValue());
        }
        if (value instanceof IonDecimal || value instanceof IonInt || value instanceof IonFloat) {
            return attribute.put("N", number(value));
        }
        if (value instanceof IonBlob blob) {
            return attribute.put("B", Base64.getEncoder().encodeToString(blob.getBytes()));
        }
        if (value instanceof IonBool bool) {
            return attribute.put("BOOL", bool.booleanValue());
        }
        if (value instanceof IonStruct struct) {
            attribute.set("M", map(struct));
            return attribute;
        }
        if (value instanceof IonList list) {
            if (list.hasTypeAnnotation("$dynamodb_SS")) {
                return set(attribute, "SS", list, v -> ((IonText) v).stringValue());
            }
            if (list.hasTypeAnnotation("$dynamodb_NS")) {
                return set(attribute, "NS", list, IonItems::number);
            }
            if (list.hasTypeAnnotation("$dynamodb_BS")) {
                return set(attribute, "BS", list, v -> Base64.getEncoder().encodeToString(((IonBlob) v).getBytes()));
            }
            ArrayNode elements = attribute.putArray("L");
            list.forEach(element -> elements.add(attribute(element)));
            return attribute;
        }
        throw new IonException("no DynamoDB type for Ion " + value.getType());
    }

    private static ObjectNode set(ObjectNode attribute, String type, IonList list, Function<IonValue, String> element) {
        ArrayNode members = attribute.putArray(type);
        list.forEach(v -> members.add(element.apply(v)));
        return attribute;
    }

    private static String number(IonValue value) {
        if (value instanceof IonDecimal decimal) {
            return decimal.bigDecimalValue().toPlainString();
        }
        if (value instanceof IonInt integer) {
            return integer.bigIntegerValue().toString();
        }
        return Double.toString(((IonFloat) value).doubleValue());
    }
}
