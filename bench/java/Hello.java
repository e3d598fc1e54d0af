/** The start-up baseline: a hello-world jar on the same JVM. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
